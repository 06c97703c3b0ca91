import type { ClientLocation } from "../request-input";
import type { ClientFacts, ClusterFacts, SgRuleSource } from "./facts";
import type { ConnectionMethod, StepRef, Topology } from "./plan-types";
import { describeSource } from "./sg-steps";

const LINK_LABELS: Record<ConnectionMethod, string> = {
  "security-group-only": "same VPC (security group rule)",
  "vpc-peering": "VPC peering",
  "transit-gateway": "transit gateway",
  "multi-vpc-private-connectivity": "multi-VPC private connectivity (PrivateLink)",
};

export function buildTopology(args: {
  location: ClientLocation;
  client: ClientFacts | null;
  cluster: ClusterFacts;
  method: ConnectionMethod;
  linkId: string | StepRef | null;
  ports: number[];
  sources: SgRuleSource[];
}): Topology {
  const { location, client, cluster } = args;
  const clientEnd =
    location.type === "on-prem"
      ? { label: "On-premises network", account: null, region: null, vpcId: null, cidrs: location.cidrs }
      : location.type === "saas"
        ? { label: location.providerName, account: location.accountId, region: cluster.region, vpcId: null, cidrs: [] }
        : {
            label: "Client VPC",
            account: location.accountId,
            region: location.region,
            vpcId: location.vpcId,
            cidrs: client?.cidrs ?? [],
          };
  return {
    client: clientEnd,
    cluster: { label: cluster.name, account: cluster.accountId, region: cluster.region, vpcId: cluster.vpcId, cidrs: cluster.cidrs },
    link: { kind: args.method, id: typeof args.linkId === "string" ? args.linkId : null, label: LINK_LABELS[args.method] },
    securityGroupRule:
      args.sources.length > 0
        ? { groupId: cluster.securityGroups[0]?.groupId ?? "", ports: args.ports, sources: args.sources.map(describeSource) }
        : null,
  };
}
