import "server-only";

import { approvalProgress, type RecordedApproval } from "@/lib/domain/approval-policy";
import type { Actor } from "@/lib/domain/lifecycle";
import { ExpectedError } from "@/lib/errors/expected-error";

import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import type { Prisma } from "../generated/client";
import { approvalContext, type ApprovalContext } from "./approval-context";
import { evaluatePolicyInTx } from "./apply-approval-policy";

type StoredRequest = { id: string; requesterId: string; approvalPolicy: unknown; version: number; plan: unknown };

/**
 * The policy context an approval is decided in. A request planned before it had a policy (or whose policy
 * was never stored) is evaluated now, so no approval escapes the policies.
 */
export async function approvalContextForDecision(tx: Prisma.TransactionClient, request: StoredRequest): Promise<ApprovalContext | null> {
  // Approvals of one request are decided one at a time: each counts the approvals the one before it recorded.
  const locked = await tx.$queryRaw<{ version: number }[]>`SELECT "version" FROM "AccessRequest" WHERE "id" = ${request.id} FOR UPDATE`;
  if (locked[0]?.version !== request.version) throw new ExpectedError("conflict", "This request was changed by someone else in the meantime. Reload to see the latest.");
  const context = await approvalContext(tx, request);
  if (context || request.plan === null) return context;
  const evaluation = await evaluatePolicyInTx(tx, request.id, { kind: "system", label: "approval policy" });
  return evaluation ? approvalContext(tx, { ...request, approvalPolicy: evaluation }) : null;
}

export type ApprovalOutcome =
  | { complete: true; auditDetails: Prisma.InputJsonObject }
  | { complete: false; version: number; pending: string };

/**
 * Records a person's approval (already known to count) and says whether the request may now become APPROVED:
 * every approval its policy asks for is in and no change freeze holds it. Otherwise the request stays waiting,
 * its version moves on (two approvals at once cannot both read the same count) and the reason is returned.
 */
export async function recordApproval(
  tx: Prisma.TransactionClient,
  request: StoredRequest,
  who: { actor: Actor; auditActor: AuditActor; comment?: string },
  context: ApprovalContext,
): Promise<ApprovalOutcome> {
  const { evaluation, hold } = context;
  let approvals = context.state.approvals;
  if (who.actor.kind === "user") {
    const teamIds = [...who.actor.teamIds];
    const row = await tx.approval.create({ data: { requestId: request.id, userId: who.actor.userId, teamIds, comment: who.comment ?? null } });
    const label = who.auditActor.kind === "user" ? who.auditActor.label : who.actor.userId;
    const mine: RecordedApproval = { userId: row.userId, label, teams: teamIds, at: row.createdAt.toISOString() };
    approvals = [...approvals, mine];
  }
  const progress = approvalProgress({ ...context.state, approvals });
  const policy = { policyId: evaluation.policyId, policy: evaluation.policyName, version: evaluation.policyVersion };
  if (who.actor.kind === "user") {
    await recordAuditEvent(tx, {
      actor: who.auditActor,
      action: "request.approval-recorded",
      requestId: request.id,
      details: { ...policy, progress: progress.summary, ...(who.comment ? { comment: who.comment } : {}) },
    });
  }
  const approvedBy = progress.counted.map((a) => a.label);
  if (progress.satisfied && !hold) return { complete: true, auditDetails: { ...policy, approvedBy } };
  if (who.actor.kind === "system") throw new ExpectedError("conflict", "The approval policy does not approve this request yet.");
  const pending = hold
    ? `Approval recorded. The change freeze (${hold.reason}) holds the request until ${hold.until.toISOString().replace("T", " ").slice(0, 19)} UTC; it is approved when the freeze ends.`
    : `Approval recorded: ${progress.summary}.`;
  const bumped = await tx.accessRequest.updateMany({ where: { id: request.id, version: request.version }, data: { version: { increment: 1 } } });
  if (bumped.count !== 1) throw new ExpectedError("conflict", "This request was changed by someone else in the meantime. Reload to see the latest.");
  return { complete: false, version: request.version + 1, pending };
}
