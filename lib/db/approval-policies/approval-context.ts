import "server-only";

import { freezeHolds, type ApprovalState, type FreezeHold, type PolicyEvaluation, type RecordedApproval } from "@/lib/domain/approval-policy";

import type { Prisma } from "../generated/client";
import { readPolicyEvaluation } from "./policy-rows";

export type ApprovalContext = { evaluation: PolicyEvaluation; state: ApprovalState; hold: FreezeHold | null };

/** The approvals of a request as the engine reads them, oldest first. */
export async function recordedApprovals(tx: Prisma.TransactionClient, requestId: string): Promise<RecordedApproval[]> {
  const rows = await tx.approval.findMany({ where: { requestId }, orderBy: { createdAt: "asc" }, include: { user: { select: { email: true } } } });
  return rows.map((r) => ({ userId: r.userId, label: r.user.email, teams: r.teamIds, at: r.createdAt.toISOString() }));
}

/** Whether a change freeze holds this request now (its admin override lets it through). */
export async function freezeHoldFor(tx: Prisma.TransactionClient, requestId: string, now = new Date()): Promise<FreezeHold | null> {
  const [windows, override] = await Promise.all([
    tx.changeFreeze.findMany({ where: { endsAt: { gt: now } } }),
    tx.freezeOverride.findUnique({ where: { requestId }, select: { requestId: true } }),
  ]);
  return freezeHolds(windows, now, override !== null);
}

/** The policy that applied to the request, its approvals and any freeze; null while no policy has been applied. */
export async function approvalContext(tx: Prisma.TransactionClient, request: { id: string; requesterId: string; approvalPolicy: unknown }): Promise<ApprovalContext | null> {
  const evaluation = readPolicyEvaluation(request);
  if (!evaluation) return null;
  const approvals = await recordedApprovals(tx, request.id);
  return { evaluation, state: { outcome: evaluation.outcome, approvals, requesterId: request.requesterId }, hold: await freezeHoldFor(tx, request.id) };
}
