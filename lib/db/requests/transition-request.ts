import "server-only";

import { decideTransition, STATUS_LABELS, type Actor, type LifecycleAction, type RequestStatus } from "@/lib/domain/lifecycle";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";
import { requestFacts } from "@/lib/domain/request-facts";
import { ExpectedError } from "@/lib/errors/expected-error";
import { notificationOfTransition } from "@/lib/domain/notification-events";
import { notify } from "@/lib/db/notifications/notify";

import { resetDriftedSteps } from "./reapply-steps";

import { approvalContextForDecision, recordApproval } from "../approval-policies/approval-in-transition";
import { claimsFollowStatus } from "../claims/claims-follow-status";
import { db } from "../client";
import type { Prisma } from "../generated/client";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { visibleRequestsWhere } from "./request-visibility";

export type TransitionInput = {
  requestId: string;
  action: LifecycleAction;
  actor: Actor;
  auditActor: AuditActor;
  // The version the person saw; when given, a request changed since then is refused rather than acted on blind.
  expectedVersion?: number;
  comment?: string;
  details?: Prisma.InputJsonObject;
  // Work that must commit together with the transition (e.g. writing the plan's steps when provisioning starts).
  alsoInTransaction?: (tx: Prisma.TransactionClient, request: { id: string; plan: Prisma.JsonValue }, to: RequestStatus) => Promise<void>;
};

const DECISIONS: readonly LifecycleAction[] = ["approve", "reject"];

// The only way a request's status changes. The status check, the update and the audit event share one
// transaction, and the UPDATE is conditional on the version read, so of two people acting at once exactly
// one succeeds and the other is told the request changed.
// Approving goes through the request's approval policy: a person's approval is recorded, and the request
// becomes APPROVED only once the policy is satisfied and no change freeze holds it (else `pending` says why).
export async function transitionRequest(input: TransitionInput): Promise<{ status: RequestStatus; version: number; pending?: string }> {
  return db().$transaction(async (tx) => {
    const where: Prisma.AccessRequestWhereInput =
      input.actor.kind === "user"
        ? { id: input.requestId, ...visibleRequestsWhere({ id: input.actor.userId, ...input.actor }) }
        : { id: input.requestId };
    const request = await tx.accessRequest.findFirst({ where });
    if (!request) throw new ExpectedError("not-found", "No such request.");
    if (input.expectedVersion !== undefined && input.expectedVersion !== request.version) {
      throw staleError(request.status);
    }
    // Only approving asks about the plan, so a request whose plan cannot be read can still be rejected.
    const stored = input.action === "approve" ? readStoredPlan(request) : null;
    const approval = input.action === "approve" && stored?.plan ? await approvalContextForDecision(tx, request) : null;
    const decision = decideTransition({
      status: request.status,
      action: input.action,
      actor: input.actor,
      request: { ...requestFacts(request, stored), approvalState: approval?.state ?? null },
    });
    if (!decision.ok) {
      throw new ExpectedError(decision.code === "invalid-transition" ? "conflict" : "forbidden", decision.reason);
    }
    const recorded = approval ? await recordApproval(tx, request, input, approval) : null;
    if (recorded && !recorded.complete) return { status: request.status, version: recorded.version, pending: recorded.pending };
    const isDecision = DECISIONS.includes(input.action) && input.actor.kind === "user";
    const updated = await tx.accessRequest.updateMany({
      where: { id: request.id, version: request.version },
      data: {
        status: decision.to,
        version: { increment: 1 },
        ...(input.action === "fail" ? { failedDuring: request.status } : {}),
        ...(isDecision && input.actor.kind === "user"
          ? { decidedById: input.actor.userId, decisionComment: input.comment ?? null, decidedAt: new Date() }
          : {}),
        // The approval policy decides by itself with its name and version in the comment.
        ...(DECISIONS.includes(input.action) && input.actor.kind === "system" ? { decisionComment: input.comment ?? null, decidedAt: new Date() } : {}),
      },
    });
    if (updated.count !== 1) {
      const now = await tx.accessRequest.findUnique({ where: { id: request.id }, select: { status: true } });
      throw staleError(now?.status ?? request.status);
    }
    await claimsFollowStatus(tx, request, decision.to);
    const reapplied = input.action === "reapply" ? { steps: await resetDriftedSteps(tx, request) } : {};
    await input.alsoInTransaction?.(tx, request, decision.to);
    await recordAuditEvent(tx, {
      actor: input.auditActor,
      action: `request.${input.action}`,
      requestId: request.id,
      details: { from: request.status, to: decision.to, ...(input.comment ? { comment: input.comment } : {}), ...input.details, ...reapplied, ...(recorded?.complete ? recorded.auditDetails : {}) },
    });
    const event = notificationOfTransition(input.action);
    if (event) {
      const actorId = input.actor.kind === "user" ? input.actor.userId : null;
      await notify(tx, { type: event, requestId: request.id, actorId, details: { from: request.status, to: decision.to, ...(input.comment ? { comment: input.comment } : {}) } });
    }
    return { status: decision.to, version: request.version + 1 };
  });
}

function staleError(status: RequestStatus): ExpectedError {
  return new ExpectedError(
    "conflict",
    `This request was changed by someone else in the meantime (it is now ${STATUS_LABELS[status].toLowerCase()}). Reload to see the latest.`,
  );
}
