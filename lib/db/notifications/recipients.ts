import { approvalContext } from "@/lib/db/approval-policies/approval-context";
import { readExtensionApprovals } from "@/lib/db/expiry/extension-approval-state";
import type { Prisma } from "@/lib/db/generated/client";
import { approvalWouldCount } from "@/lib/domain/approval-policy";
import type { NotificationEventType } from "@/lib/domain/notification-events";
import { ROLES, hasPermission } from "@/lib/domain/roles";

type RequestParties = { id: string; requesterId: string; teamId: string };

// Who hears about an event. The person who caused it is left out: they know already.
export async function recipientsOf(
  tx: Prisma.TransactionClient,
  type: NotificationEventType,
  request: RequestParties,
  actorId: string | null,
): Promise<string[]> {
  const ids = type === "request.awaiting-approval" ? await approversOf(tx, request) : await requestingSide(tx, request);
  return ids.filter((id) => id !== actorId);
}

// The requester and everyone in the team the request was filed for.
async function requestingSide(tx: Prisma.TransactionClient, request: RequestParties): Promise<string[]> {
  const members = await tx.user.findMany({
    where: { deactivatedAt: null, OR: [{ id: request.requesterId }, { memberships: { some: { teamId: request.teamId } } }] },
    select: { id: true },
  });
  return members.map((m) => m.id);
}

// The people whose approval can count on this request: approvers other than the requester (separation of
// duties) and, once a policy has been applied, only those the policy would still count (a named team's member
// when only that team's approval is missing, nobody when the policy decides by itself).
export async function approversOf(tx: Prisma.TransactionClient, request: RequestParties): Promise<string[]> {
  const approvingRoles = ROLES.filter((role) => hasPermission([role], "request:approve"));
  const [approvers, stored] = await Promise.all([
    tx.user.findMany({
      where: { deactivatedAt: null, roles: { hasSome: approvingRoles }, id: { not: request.requesterId } },
      select: { id: true, memberships: { select: { teamId: true } } },
    }),
    tx.accessRequest.findUnique({
      where: { id: request.id },
      select: {
        id: true,
        status: true,
        requesterId: true,
        approvalPolicy: true,
        cluster: { select: { ownerTeam: { select: { id: true, slug: true } } } },
        extensions: { where: { status: "PENDING" }, select: { id: true, requestedById: true, approvalPolicy: true, approvals: true } },
      },
    }),
  ]);
  // An extension waiting for approval is what is asked about when there is one (a request may still be waiting
  // itself while its extension is asked); its own policy then says whose approval counts, and its asker never.
  const extension = stored?.extensions[0];
  if (extension) {
    const state = readExtensionApprovals({ ...extension, ownerTeam: stored?.cluster.ownerTeam })?.state;
    return approvers
      .filter((a) => a.id !== extension.requestedById)
      .filter((a) => !state || approvalWouldCount(state, { userId: a.id, teamIds: a.memberships.map((m) => m.teamId) }, "extension").counts)
      .map((a) => a.id);
  }
  const context = stored?.status === "SUBMITTED" ? await approvalContext(tx, stored) : null;
  return approvers
    .filter((a) => !context || approvalWouldCount(context.state, { userId: a.id, teamIds: a.memberships.map((m) => m.teamId) }).counts)
    .map((a) => a.id);
}
