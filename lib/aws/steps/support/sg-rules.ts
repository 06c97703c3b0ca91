import { DescribeSecurityGroupRulesCommand, type EC2Client, type IpPermission, type SecurityGroupRule } from "@aws-sdk/client-ec2";
import { collectPages } from "../../collect-pages";
import type { CallLog } from "./call-log";

/** One inbound rule as AWS counts them: one protocol, one port range, one source. */
export type WantedRule = {
  protocol: string;
  fromPort: number;
  toPort: number;
  source: { cidr: string } | { groupId: string; userId?: string } | { prefixListId: string };
  description?: string;
};

const PROTOCOLS: Record<string, string> = { "6": "tcp", "17": "udp", "1": "icmp", all: "-1" };
const protocolOf = (p: string | undefined) => PROTOCOLS[(p ?? "").toLowerCase()] ?? (p ?? "").toLowerCase();

export function rulesOf(permissions: readonly IpPermission[]): WantedRule[] {
  return permissions.flatMap((p) => {
    const base = { protocol: protocolOf(p.IpProtocol), fromPort: p.FromPort ?? -1, toPort: p.ToPort ?? -1 };
    const opt = (d: string | undefined) => (d ? { description: d } : {});
    return [
      ...(p.IpRanges ?? []).map((r) => ({ ...base, source: { cidr: r.CidrIp ?? "" }, ...opt(r.Description) })),
      ...(p.UserIdGroupPairs ?? []).map((g) => ({
        ...base,
        source: { groupId: g.GroupId ?? "", ...(g.UserId ? { userId: g.UserId } : {}) },
        ...opt(g.Description),
      })),
      ...(p.PrefixListIds ?? []).map((l) => ({ ...base, source: { prefixListId: l.PrefixListId ?? "" }, ...opt(l.Description) })),
    ];
  });
}

/** The same rule in AWS's eyes (what InvalidPermission.Duplicate compares); descriptions do not count. */
export function matches(rule: SecurityGroupRule, want: WantedRule): boolean {
  if (rule.IsEgress) return false;
  const protocol = protocolOf(rule.IpProtocol);
  if (protocol !== want.protocol) return false;
  if (protocol !== "-1" && (rule.FromPort !== want.fromPort || rule.ToPort !== want.toPort)) return false;
  const s = want.source;
  if ("cidr" in s) return rule.CidrIpv4 === s.cidr;
  if ("prefixListId" in s) return rule.PrefixListId === s.prefixListId;
  const ref = rule.ReferencedGroupInfo;
  return ref?.GroupId === s.groupId && (!s.userId || !ref.UserId || ref.UserId === s.userId);
}

export function permissionFor(rule: WantedRule): IpPermission {
  const d = rule.description ? { Description: rule.description } : {};
  const s = rule.source;
  return {
    IpProtocol: rule.protocol,
    FromPort: rule.fromPort,
    ToPort: rule.toPort,
    ...("cidr" in s ? { IpRanges: [{ CidrIp: s.cidr, ...d }] } : {}),
    ...("groupId" in s ? { UserIdGroupPairs: [{ GroupId: s.groupId, ...(s.userId ? { UserId: s.userId } : {}), ...d }] } : {}),
    ...("prefixListId" in s ? { PrefixListIds: [{ PrefixListId: s.prefixListId, ...d }] } : {}),
  };
}

export function describeRule(rule: WantedRule): string {
  const s = rule.source;
  const from = "cidr" in s ? s.cidr : "prefixListId" in s ? s.prefixListId : s.userId ? `${s.userId}/${s.groupId}` : s.groupId;
  return `${rule.protocol} ${rule.fromPort}-${rule.toPort} from ${from}`;
}

export function groupRules(ec2: EC2Client, log: CallLog, groupId: string, pageSize: number): Promise<SecurityGroupRule[]> {
  return collectPages(
    (NextToken) =>
      log.run(
        ec2.send(
          new DescribeSecurityGroupRulesCommand({
            Filters: [{ Name: "group-id", Values: [groupId] }],
            MaxResults: Math.min(pageSize, 1000),
            NextToken,
          }),
        ),
      ),
    (p) => p.SecurityGroupRules,
    (p) => p.NextToken,
  );
}
