import { cidrContains } from "../cidr";
import type { PlatformSettings, Quotas, SecurityGroupFacts, SgIngressRule, SgRuleSource } from "./facts";
import { addReuse, addStep, type PlanDraft } from "./draft";
import { checkQuota } from "./quotas";
import { AWS_RULES } from "./rules";
import { ec2TagSpecifications } from "./tags";

export type SgPlanArgs = {
  account: string;
  region: string;
  /** The group that gets the rules (the cluster's first group). */
  target: SecurityGroupFacts;
  /** All of the cluster's groups: a rule on any of them already lets the traffic in. */
  allGroups: readonly SecurityGroupFacts[];
  ports: readonly number[];
  sources: readonly SgRuleSource[];
  dependsOn: string[];
  requestId: string;
  quotas: Quotas;
  platform: PlatformSettings;
};

/** One step per port, holding only the sources no existing rule admits yet. */
export function planSgIngress(draft: PlanDraft, args: SgPlanArgs): string[] {
  const keys: string[] = [];
  let adding = 0;
  const description = `msk-portal ${args.requestId}`;
  for (const port of args.ports) {
    const missing = args.sources.filter((source) => {
      const admitting = args.allGroups.flatMap((g) => g.ingress.filter((rule) => admits(rule, port, source)));
      for (const rule of admitting) addReuse(draft, rule.ruleId, args);
      return admitting.length === 0;
    });
    if (missing.length === 0) continue;
    const key = `authorize-sg-ingress:${args.target.groupId}:${port}`;
    const permission = {
      IpProtocol: "tcp",
      FromPort: port,
      ToPort: port,
      ...ipRanges(missing, description),
      ...groupPairs(missing, description),
    };
    addStep(draft, {
      key,
      kind: "authorize-sg-ingress",
      account: args.account,
      region: args.region,
      command: "AuthorizeSecurityGroupIngressCommand",
      input: {
        GroupId: args.target.groupId,
        IpPermissions: [permission],
        TagSpecifications: ec2TagSpecifications(args.platform, args.requestId, key, "security-group-rule"),
      },
      dependsOn: args.dependsOn,
      creates: { type: "security-group-rule", ref: `${args.target.groupId}:tcp:${port}` },
      undo: { command: "RevokeSecurityGroupIngressCommand", input: { GroupId: args.target.groupId, IpPermissions: [permission] } },
      summary: `allow tcp ${port} from ${missing.map(describeSource).join(", ")} into ${args.target.groupId} (cluster, ${args.region})`,
    });
    keys.push(key);
    adding += missing.length;
  }
  checkQuota(draft, {
    code: "quota-inbound-rules",
    what: `Inbound rules of ${args.target.groupId}`,
    used: args.target.ingress.length,
    adding,
    limit: args.quotas.inboundRulesPerSecurityGroup,
    rule: AWS_RULES.quotaInboundRules,
    remedy: "Reference a security group or a managed prefix list instead of many CIDRs, or ask AWS for a higher quota",
  });
  return keys;
}

function admits(rule: SgIngressRule, port: number, source: SgRuleSource): boolean {
  const protocolOk = rule.protocol === "-1" || rule.protocol === "tcp" || rule.protocol === "6";
  const portOk = rule.protocol === "-1" || (rule.fromPort <= port && port <= rule.toPort);
  if (!protocolOk || !portOk) return false;
  if (source.kind === "cidr" && rule.source.kind === "cidr") return cidrContains(rule.source.cidr, source.cidr);
  if (source.kind === "sg" && rule.source.kind === "sg") return rule.source.groupId === source.groupId;
  if (source.kind === "prefix-list" && rule.source.kind === "prefix-list") {
    return rule.source.prefixListId === source.prefixListId;
  }
  return false;
}

function ipRanges(sources: readonly SgRuleSource[], description: string) {
  const ranges = sources.flatMap((s) => (s.kind === "cidr" ? [{ CidrIp: s.cidr, Description: description }] : []));
  return ranges.length > 0 ? { IpRanges: ranges } : {};
}

function groupPairs(sources: readonly SgRuleSource[], description: string) {
  const pairs = sources.flatMap((s) =>
    s.kind === "sg"
      ? [{ GroupId: s.groupId, ...(s.userId ? { UserId: s.userId } : {}), Description: description }]
      : [],
  );
  return pairs.length > 0 ? { UserIdGroupPairs: pairs } : {};
}

export function describeSource(source: SgRuleSource): string {
  switch (source.kind) {
    case "cidr":
      return source.cidr;
    case "sg":
      return source.userId ? `${source.userId}/${source.groupId}` : source.groupId;
    case "prefix-list":
      return source.prefixListId;
  }
}
