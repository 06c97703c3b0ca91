import { awsError } from "../../core/aws-error";
import { isValidCidr } from "../../core/cidr";
import { newId } from "../../core/ids";
import { qInt, qList, qRequired, qStr, qStrList, qTagSpecifications, type QueryNode } from "../../protocols/query-input";
import type { XmlObject } from "../../protocols/xml";
import type { ReferencedGroup, SecurityGroup, SecurityGroupRule } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { describeItems } from "./ec2-describe";
import { checkGroupReference } from "./ec2-sg-reference";
import { tagSet } from "./ec2-tag-input";
import { findMine, isMine } from "./ec2-visibility";

function portsXml(r: SecurityGroupRule) {
  // "-1" means all protocols and AWS leaves the ports out.
  return r.ipProtocol === "-1" ? {} : { fromPort: r.fromPort, toPort: r.toPort };
}

function groupPairXml(g: ReferencedGroup, description?: string): XmlObject {
  return {
    userId: g.userId,
    groupId: g.groupId,
    vpcId: g.vpcId,
    vpcPeeringConnectionId: g.vpcPeeringConnectionId,
    peeringStatus: g.vpcPeeringConnectionId ? "active" : undefined,
    description,
  };
}

/** DescribeSecurityGroups folds rules into IpPermissions, one per protocol and port range. */
function permissionsXml(rules: SecurityGroupRule[]): XmlObject[] {
  const groups = new Map<string, SecurityGroupRule[]>();
  for (const r of rules) {
    const key = `${r.ipProtocol}|${r.fromPort}|${r.toPort}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const first = rs[0];
    return {
      ipProtocol: first?.ipProtocol,
      ...(first ? portsXml(first) : {}),
      groups: rs.filter((r) => r.referencedGroup).map((r) => groupPairXml(r.referencedGroup as ReferencedGroup, r.description)),
      ipRanges: rs.filter((r) => r.cidrIpv4).map((r) => ({ cidrIp: r.cidrIpv4, description: r.description })),
      ipv6Ranges: [],
      prefixListIds: [],
    };
  });
}

function groupXml(sg: SecurityGroup): XmlObject {
  return {
    ownerId: sg.accountId,
    groupId: sg.id,
    groupName: sg.name,
    groupDescription: sg.description,
    vpcId: sg.vpcId,
    securityGroupArn: `arn:aws:ec2:${sg.region}:${sg.accountId}:security-group/${sg.id}`,
    ipPermissions: permissionsXml(sg.rules.filter((r) => !r.isEgress)),
    ipPermissionsEgress: permissionsXml(sg.rules.filter((r) => r.isEgress)),
    tagSet: tagSet(sg.tags),
  };
}

export function ruleXml(sg: SecurityGroup, r: SecurityGroupRule): XmlObject {
  return {
    securityGroupRuleId: r.id,
    groupId: sg.id,
    groupOwnerId: sg.accountId,
    isEgress: r.isEgress,
    ipProtocol: r.ipProtocol,
    fromPort: r.fromPort,
    toPort: r.toPort,
    cidrIpv4: r.cidrIpv4,
    referencedGroupInfo: r.referencedGroup ? groupPairXml(r.referencedGroup) : undefined,
    description: r.description,
    securityGroupRuleArn: `arn:aws:ec2:${sg.region}:${sg.accountId}:security-group-rule/${r.id}`,
    tagSet: tagSet(r.tags),
  };
}

export function describeSecurityGroups(ctx: RequestContext, q: QueryNode): XmlObject {
  const visible = Object.values(ctx.world.state.securityGroups).filter((s) => isMine(ctx, s));
  const { page, nextToken } = describeItems(q, visible, (s) => s.id, qStrList(q, "GroupId", "GroupIds"), "InvalidGroup.NotFound", {
    "group-id": (s) => [s.id],
    "group-name": (s) => [s.name],
    "vpc-id": (s) => [s.vpcId],
    "owner-id": (s) => [s.accountId],
    "ip-permission.group-id": (s) => s.rules.filter((r) => !r.isEgress).map((r) => r.referencedGroup?.groupId),
    "ip-permission.cidr": (s) => s.rules.filter((r) => !r.isEgress).map((r) => r.cidrIpv4),
  });
  return { securityGroupInfo: page.map(groupXml), nextToken };
}

export function describeSecurityGroupRules(ctx: RequestContext, q: QueryNode): XmlObject {
  type Row = SecurityGroupRule & { sg: SecurityGroup };
  const rows: Row[] = Object.values(ctx.world.state.securityGroups)
    .filter((s) => isMine(ctx, s))
    .flatMap((sg) => sg.rules.map((r) => ({ ...r, sg })));
  const { page, nextToken } = describeItems(
    q,
    rows,
    (r) => r.id,
    qStrList(q, "SecurityGroupRuleId", "SecurityGroupRuleIds"),
    "InvalidSecurityGroupRuleId.NotFound",
    {
      "group-id": (r) => [r.sg.id],
      "security-group-rule-id": (r) => [r.id],
    },
  );
  return { securityGroupRuleSet: page.map((r) => ruleXml(r.sg, r)), nextToken };
}

type RequestedRule = Omit<SecurityGroupRule, "id" | "tags">;

function normalizeProtocol(p: string): string {
  const map: Record<string, string> = { "6": "tcp", "17": "udp", "1": "icmp", all: "-1" };
  return map[p.toLowerCase()] ?? p.toLowerCase();
}

/** IpPermissions as the SDK sends them, plus the legacy top-level CidrIp form. */
function requestedRules(ctx: RequestContext, sg: SecurityGroup, q: QueryNode, validate: boolean): RequestedRule[] {
  const out: RequestedRule[] = [];
  for (const p of qList(q, "IpPermissions")) {
    const ipProtocol = normalizeProtocol(qRequired(p, "IpProtocol"));
    const fromPort = ipProtocol === "-1" ? -1 : (qInt(p, "FromPort") ?? -1);
    const toPort = ipProtocol === "-1" ? -1 : (qInt(p, "ToPort") ?? -1);
    for (const r of qList(p, "IpRanges")) {
      const cidr = qRequired(r, "CidrIp");
      if (!isValidCidr(cidr)) throw awsError("InvalidParameterValue", `CIDR block ${cidr} is malformed`);
      out.push({ isEgress: false, ipProtocol, fromPort, toPort, cidrIpv4: cidr, description: qStr(r, "Description") });
    }
    for (const g of qList(p, "Groups", "UserIdGroupPairs")) {
      const groupId = qRequired(g, "GroupId");
      const ref = validate
        ? checkGroupReference(ctx, sg, groupId, qStr(g, "UserId"))
        : { groupId, userId: qStr(g, "UserId") ?? ctx.accountId };
      out.push({ isEgress: false, ipProtocol, fromPort, toPort, referencedGroup: ref, description: qStr(g, "Description") });
    }
  }
  const cidr = qStr(q, "CidrIp");
  if (cidr) {
    const ipProtocol = normalizeProtocol(qStr(q, "IpProtocol") ?? "-1");
    out.push({ isEgress: false, ipProtocol, fromPort: qInt(q, "FromPort") ?? -1, toPort: qInt(q, "ToPort") ?? -1, cidrIpv4: cidr });
  }
  return out;
}

function sameRule(a: RequestedRule, b: RequestedRule): boolean {
  return (
    a.isEgress === b.isEgress &&
    a.ipProtocol === b.ipProtocol &&
    a.fromPort === b.fromPort &&
    a.toPort === b.toPort &&
    a.cidrIpv4 === b.cidrIpv4 &&
    a.referencedGroup?.groupId === b.referencedGroup?.groupId
  );
}

function describeRule(r: RequestedRule): string {
  const peer = r.cidrIpv4 ?? `${r.referencedGroup?.userId}/${r.referencedGroup?.groupId}`;
  return `peer: ${peer}, ${r.ipProtocol.toUpperCase()}, from port: ${r.fromPort}, to port: ${r.toPort}, ALLOW`;
}

/**
 * Adds ingress rules all-or-nothing: a duplicate or a quota breach refuses the whole request
 * (EC2 API reference, AuthorizeSecurityGroupIngress; VPC quotas "Inbound rules per SG").
 */
export function authorizeSecurityGroupIngress(ctx: RequestContext, q: QueryNode): XmlObject {
  const sg = findMine(ctx, ctx.world.state.securityGroups, qRequired(q, "GroupId"), "InvalidGroup.NotFound", "security group");
  const wanted = requestedRules(ctx, sg, q, true);
  if (wanted.length === 0) throw awsError("MissingParameter", "No IpPermissions were given");
  for (const [i, w] of wanted.entries()) {
    const dup = sg.rules.some((r) => sameRule(r, w)) || wanted.slice(0, i).some((o) => sameRule(o, w));
    if (dup) throw awsError("InvalidPermission.Duplicate", `the specified rule "${describeRule(w)}" already exists`);
  }
  const ingress = sg.rules.filter((r) => !r.isEgress).length;
  if (ingress + wanted.length > ctx.world.topology.quotas.inboundRulesPerSecurityGroup) {
    throw awsError("RulesPerSecurityGroupLimitExceeded", "The maximum number of rules per security group has been reached.");
  }
  const tags = qTagSpecifications(q, "security-group-rule");
  const added = wanted.map((w) => ({ ...w, id: newId(ctx.world.state.counter, "sgr"), tags }));
  sg.rules.push(...added);
  return { return: true, securityGroupRuleSet: added.map((r) => ruleXml(sg, r)) };
}

export function revokeSecurityGroupIngress(ctx: RequestContext, q: QueryNode): XmlObject {
  const sg = findMine(ctx, ctx.world.state.securityGroups, qRequired(q, "GroupId"), "InvalidGroup.NotFound", "security group");
  const ruleIds = qStrList(q, "SecurityGroupRuleId", "SecurityGroupRuleIds");
  const targets: SecurityGroupRule[] = [];
  for (const id of ruleIds) {
    const r = sg.rules.find((x) => x.id === id && !x.isEgress);
    if (!r) throw awsError("InvalidSecurityGroupRuleId.NotFound", `The security group rule ID '${id}' does not exist`);
    targets.push(r);
  }
  for (const w of requestedRules(ctx, sg, q, false)) {
    const r = sg.rules.find((x) => sameRule(x, w));
    if (!r) {
      throw awsError("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
    }
    targets.push(r);
  }
  sg.rules = sg.rules.filter((r) => !targets.includes(r));
  return {
    return: true,
    revokedSecurityGroupRuleSet: targets.map((r) => ({
      securityGroupRuleId: r.id,
      groupId: sg.id,
      isEgress: false,
      ipProtocol: r.ipProtocol,
      fromPort: r.fromPort,
      toPort: r.toPort,
      cidrIpv4: r.cidrIpv4,
      referencedGroupId: r.referencedGroup?.groupId,
      description: r.description,
    })),
  };
}
