import { DescribeSecurityGroupRulesCommand, type EC2Client, type SecurityGroupRule } from "@aws-sdk/client-ec2";
import type { SecurityGroupFacts, SgIngressRule, SgRuleSource } from "@/lib/domain/plan/facts";
import { collectPages } from "../collect-pages";
import { filter } from "./ec2-describe";

function sourceOf(r: SecurityGroupRule): SgRuleSource | null {
  if (r.CidrIpv4) return { kind: "cidr", cidr: r.CidrIpv4 };
  if (r.ReferencedGroupInfo?.GroupId) {
    const userId = r.ReferencedGroupInfo.UserId;
    return { kind: "sg", groupId: r.ReferencedGroupInfo.GroupId, ...(userId ? { userId } : {}) };
  }
  if (r.PrefixListId) return { kind: "prefix-list", prefixListId: r.PrefixListId };
  // IPv6 sources have no SgRuleSource form yet; the planner would treat one as an IPv4 CIDR.
  return null;
}

export function toIngressRule(r: SecurityGroupRule): SgIngressRule | null {
  const source = sourceOf(r);
  if (!source) return null;
  const protocol = r.IpProtocol ?? "-1";
  // AWS leaves ports out (or gives -1) for "all traffic".
  return { protocol, fromPort: r.FromPort ?? -1, toPort: r.ToPort ?? -1, source, ...(r.SecurityGroupRuleId ? { ruleId: r.SecurityGroupRuleId } : {}) };
}

/** Ingress rules of the groups, one DescribeSecurityGroupRules listing for all of them. */
export async function discoverSecurityGroupIngress(
  ec2: EC2Client,
  groupIds: readonly string[],
  pageSize: number,
): Promise<SecurityGroupFacts[]> {
  if (groupIds.length === 0) return [];
  const rules = await collectPages(
    (NextToken) =>
      ec2.send(
        new DescribeSecurityGroupRulesCommand({ Filters: [filter("group-id", groupIds)], MaxResults: pageSize, NextToken }),
      ),
    (p) => p.SecurityGroupRules,
    (p) => p.NextToken,
  );
  return groupIds.map((groupId) => ({
    groupId,
    ingress: rules
      .filter((r) => r.GroupId === groupId && r.IsEgress !== true)
      .map(toIngressRule)
      .filter((r): r is SgIngressRule => r !== null),
  }));
}
