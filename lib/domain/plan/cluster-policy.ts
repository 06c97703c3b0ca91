import type { PolicyDocument, PolicyStatement } from "./facts";

export const VPC_CONNECTION_ACTIONS = [
  "kafka:CreateVpcConnection",
  "kafka:GetBootstrapBrokers",
  "kafka:DescribeCluster",
  "kafka:DescribeClusterV2",
];

export function accountPrincipal(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:root`;
}

/** Our statements replace any earlier ones with the same Sid; everything else in the policy is kept. */
export function mergePolicy(existing: PolicyDocument | null, ours: PolicyStatement[]): PolicyDocument {
  const sids = new Set(ours.map((s) => s.Sid));
  const kept = (existing?.Statement ?? []).filter((s) => !s.Sid || !sids.has(s.Sid));
  return { Version: "2012-10-17", Statement: [...kept, ...ours] };
}

export function policyContains(existing: PolicyDocument | null, ours: PolicyStatement[]): boolean {
  if (!existing) return false;
  return ours.every((o) => existing.Statement.some((s) => canonical(s) === canonical(o)));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
