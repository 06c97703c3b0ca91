import { AwsError } from "../core/aws-error";
import type { World } from "../state/world";
import { DEFAULT_ROLE_POLICIES } from "./default-role-policies";
import { isAllowed } from "./evaluate-policy";
import { impliedAuthorizations, TGW_SERVICE_LINKED_ROLE, type Authorization } from "./implied-actions";
import type { PolicyDocument } from "./policy-document";

export type CallToAuthorize = { service: string; operation: string; accessKeyId: string; body: string };

function hasTags(service: string, body: string): boolean {
  if (service === "ec2") return /(^|&)TagSpecification\.\d+\./.test(body);
  if (service !== "ram" || !body) return false;
  try {
    const parsed: unknown = JSON.parse(body);
    const tags = typeof parsed === "object" && parsed !== null ? (parsed as { tags?: unknown }).tags : undefined;
    return Array.isArray(tags) && tags.length > 0;
  } catch {
    return false;
  }
}

/**
 * The portal role's policy; null for a portal role the topology leaves unrestricted, the account engineers'
 * own role, or the portal's own identity.
 */
function policyOf(world: World, accountId: string, roleName: string): PolicyDocument | null {
  const account = world.topology.accounts.find((a) => a.id === accountId);
  if (!account || roleName !== account.roleName) return null;
  return account.rolePolicy ?? (account.roleKind ? DEFAULT_ROLE_POLICIES[account.roleKind] : null);
}

function denied(service: string, action: string, principal: string): AwsError {
  const why = `${principal} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
  // Each protocol's own error: EC2 UnauthorizedOperation (403); JSON services AccessDeniedException (403).
  if (service === "ec2")
    return new AwsError("UnauthorizedOperation", `You are not authorized to perform this operation. User: ${why}`, 403);
  return new AwsError("AccessDeniedException", `User: ${why}`, 403);
}

/**
 * Checks a call made with sandbox-issued role credentials against that role's policy, as IAM would before
 * the service acts, and returns every action it was authorised for. Throws AWS's access-denied error.
 */
export function authorizeCall(world: World, call: CallToAuthorize): string[] {
  const session = world.state.sessions[call.accessKeyId];
  if (!session || call.service === "sts") return [];
  const slrs = (world.state.serviceLinkedRoles ??= {});
  const needed: Authorization[] = [
    { action: `${call.service}:${call.operation}`, context: {} },
    ...impliedAuthorizations({
      service: call.service,
      operation: call.operation,
      hasTags: hasTags(call.service, call.body),
      needsServiceLinkedRole: !(slrs[session.accountId] ?? []).includes(TGW_SERVICE_LINKED_ROLE),
    }),
  ];
  const policy = policyOf(world, session.accountId, session.roleName);
  const principal = `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`;
  for (const { action, context } of needed) {
    if (policy && !isAllowed(policy, action, context)) throw denied(call.service, action, principal);
  }
  return needed.map((n) => n.action);
}

/** After a first TGW VPC attachment succeeded, the account has the service-linked role. */
export function recordServiceLinkedRole(world: World, accountId: string, actions: string[]): void {
  if (!actions.includes("iam:CreateServiceLinkedRole")) return;
  const slrs = (world.state.serviceLinkedRoles ??= {});
  slrs[accountId] = [...new Set([...(slrs[accountId] ?? []), TGW_SERVICE_LINKED_ROLE])];
}
