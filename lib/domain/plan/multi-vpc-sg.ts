import type { ClientFacts } from "./facts";
import { addStep, ref } from "./draft";
import type { PlanContext } from "./context";
import { ec2TagSpecifications } from "./tags";

/**
 * Multi-VPC private connectivity gives each broker a port of its own, 14001 for the first up to 14100 (MSK
 * developer guide, "port-info"). The whole range is opened so brokers added later are reachable too.
 */
export const MULTI_VPC_PORT_RANGE = { from: 14001, to: 14100 } as const;

export function multiVpcPortRange(): number[] {
  const { from, to } = MULTI_VPC_PORT_RANGE;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export const CONNECTION_SG_KEY = "create-vpc-connection-sg";

/**
 * The VPC connection's endpoints get a group of the request's own in the client VPC that admits the client's
 * groups (or, without any, its VPC's CIDRs) on the multi-VPC ports. The cluster's own groups need nothing:
 * the traffic reaches the brokers through MSK's side of the PrivateLink connection.
 */
export function planConnectionSg(ctx: PlanContext, client: ClientFacts): string {
  const { cluster, platform, requestId } = ctx;
  const key = CONNECTION_SG_KEY;
  const description = `msk-portal ${requestId}`;
  const sources =
    client.securityGroupIds.length > 0
      ? { UserIdGroupPairs: client.securityGroupIds.map((GroupId) => ({ GroupId, Description: description })) }
      : { IpRanges: client.cidrs.map((CidrIp) => ({ CidrIp, Description: description })) };
  const from = client.securityGroupIds.length > 0 ? client.securityGroupIds.join(", ") : client.cidrs.join(", ");
  addStep(ctx.draft, {
    key,
    kind: "create-vpc-connection-sg",
    account: client.accountId,
    region: client.region,
    command: "CreateSecurityGroupCommand",
    input: {
      GroupName: `msk-portal-${requestId}`,
      Description: `MSK VPC connections of request ${requestId} to ${cluster.name}`,
      VpcId: client.vpcId,
      TagSpecifications: ec2TagSpecifications(platform, requestId, key, "security-group"),
      IpPermissions: [{ IpProtocol: "tcp", FromPort: MULTI_VPC_PORT_RANGE.from, ToPort: MULTI_VPC_PORT_RANGE.to, ...sources }],
    },
    dependsOn: [],
    creates: { type: "security-group", ref: `${key}.GroupId` },
    undo: { command: "DeleteSecurityGroupCommand", input: { GroupId: ref(key, "GroupId") } },
    summary: `create a security group for the VPC connections in ${client.vpcId} admitting tcp ${MULTI_VPC_PORT_RANGE.from}-${MULTI_VPC_PORT_RANGE.to} from ${from} (client ${client.accountId}, ${client.region})`,
  });
  return key;
}
