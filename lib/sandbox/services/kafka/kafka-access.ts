import { awsError } from "../../core/aws-error";
import type { MskCluster } from "../../state/types";
import type { RequestContext } from "../../state/world";

/**
 * Whether a cluster policy lets `accountId` call `action`. Only what cluster policies use is
 * understood: Allow statements, AWS principals (account id, root ARN or role ARN) and actions
 * with `kafka:*` wildcards (MSK developer guide, "mvpc-cluster-owner-action-policy").
 */
export function policyAllows(document: string, accountId: string, action: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return false;
  }
  const statements = asArray((parsed as { Statement?: unknown }).Statement);
  return statements.some((st) => {
    if (typeof st !== "object" || st === null) return false;
    const s = st as { Effect?: unknown; Principal?: unknown; Action?: unknown };
    if (s.Effect !== "Allow") return false;
    const principals =
      s.Principal === "*" ? ["*"] : asArray((s.Principal as { AWS?: unknown } | undefined)?.AWS).map(String);
    const principalOk = principals.some(
      (p) => p === "*" || p === accountId || p.startsWith(`arn:aws:iam::${accountId}:`),
    );
    const actions = asArray(s.Action).map(String);
    const actionOk = actions.some((a) => a === "*" || a === "kafka:*" || a.toLowerCase() === action.toLowerCase());
    return principalOk && actionOk;
  });
}

function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

export function findCluster(ctx: RequestContext, arn: string): MskCluster {
  const cluster = ctx.world.state.clusters[arn];
  if (!cluster || cluster.region !== ctx.region) {
    throw awsError("NotFoundException", `The resource ${arn} does not exist.`, 404);
  }
  return cluster;
}

/** The owner may do anything; other accounts only what the cluster policy grants them. */
export function authorizeCluster(ctx: RequestContext, cluster: MskCluster, action: string): void {
  if (cluster.accountId === ctx.accountId) return;
  if (cluster.policy && policyAllows(cluster.policy.document, ctx.accountId, action)) return;
  throw awsError(
    "ForbiddenException",
    `User: arn:aws:sts::${ctx.accountId}:assumed-role is not authorized to perform: ${action} on resource: ${cluster.arn}`,
    403,
  );
}

export function requireOwner(ctx: RequestContext, cluster: MskCluster, action: string): void {
  if (cluster.accountId !== ctx.accountId) {
    throw awsError(
      "ForbiddenException",
      `Account ${ctx.accountId} is not authorized to perform: ${action} on resource: ${cluster.arn}`,
      403,
    );
  }
}
