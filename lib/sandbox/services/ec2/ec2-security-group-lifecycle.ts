import { awsError } from "../../core/aws-error";
import { newId } from "../../core/ids";
import { qRequired, qStr, qTagSpecifications, type QueryNode } from "../../protocols/query-input";
import type { XmlObject } from "../../protocols/xml";
import type { RequestContext } from "../../state/world";
import { tagSet } from "./ec2-tag-input";
import { findMine } from "./ec2-visibility";

/**
 * A new group has AWS's allow-all egress rule and no ingress; its name is unique within the VPC and may not
 * start with "sg-" (EC2 API reference, CreateSecurityGroup).
 */
export function createSecurityGroup(ctx: RequestContext, q: QueryNode): XmlObject {
  const state = ctx.world.state;
  const name = qRequired(q, "GroupName");
  const description = qRequired(q, "GroupDescription");
  const vpc = findMine(ctx, state.vpcs, qStr(q, "VpcId") ?? "", "InvalidVpcID.NotFound", "vpc");
  if (name.toLowerCase().startsWith("sg-")) {
    throw awsError("InvalidParameterValue", "Group names may not be in the format sg-*.");
  }
  if (Object.values(state.securityGroups).some((g) => g.vpcId === vpc.id && g.name === name)) {
    throw awsError("InvalidGroup.Duplicate", `The security group '${name}' already exists for VPC '${vpc.id}'`);
  }
  const id = newId(state.counter, "sg");
  const tags = qTagSpecifications(q, "security-group");
  state.securityGroups[id] = {
    id,
    accountId: ctx.accountId,
    region: ctx.region,
    vpcId: vpc.id,
    name,
    description,
    rules: [{ id: newId(state.counter, "sgr"), isEgress: true, ipProtocol: "-1", fromPort: -1, toPort: -1, cidrIpv4: "0.0.0.0/0", tags: [] }],
    tags,
  };
  return { groupId: id, securityGroupArn: `arn:aws:ec2:${ctx.region}:${ctx.accountId}:security-group/${id}`, tagSet: tagSet(tags) };
}

/**
 * A group still used by a network interface cannot be deleted (`DependencyViolation`); a managed VPC
 * connection's endpoint interfaces use its groups until it has finished deleting.
 */
export function deleteSecurityGroup(ctx: RequestContext, q: QueryNode): XmlObject {
  const state = ctx.world.state;
  const sg = findMine(ctx, state.securityGroups, qRequired(q, "GroupId"), "InvalidGroup.NotFound", "security group");
  const users = Object.values(state.vpcConnections).filter((v) => v.securityGroups.includes(sg.id) && v.state !== "REJECTED" && v.state !== "FAILED");
  const referencing = Object.values(state.securityGroups).filter((g) => g.id !== sg.id && g.rules.some((r) => r.referencedGroup?.groupId === sg.id));
  if (users.length > 0 || referencing.length > 0) {
    throw awsError("DependencyViolation", `resource ${sg.id} has a dependent object`);
  }
  delete state.securityGroups[sg.id];
  return { return: true, groupId: sg.id };
}
