import "server-only";

import { approvalProgress } from "@/lib/domain/approval-policy";
import type { RequestStatus } from "@/lib/domain/lifecycle";
import { ExpectedError } from "@/lib/errors/expected-error";

import { db } from "../client";
import { Prisma } from "../generated/client";
import { transitionRequest } from "../requests/transition-request";
import { approvalContext } from "./approval-context";
import { applyApprovalPolicy, POLICY_ACTOR } from "./apply-approval-policy";

export { POLICY_ACTOR };

/**
 * What the policy decides by itself for a request waiting for a decision: approve it when its outcome is
 * auto-approve or its approvals are all in and no change freeze holds it, reject it when the policy rejects
 * such requests. Anything else (approvals missing, a freeze) leaves it waiting; the worker's sweep asks again.
 */
export async function settleApproval(requestId: string): Promise<RequestStatus | null> {
  const request = await db().accessRequest.findUnique({ where: { id: requestId }, select: { id: true, status: true, requesterId: true, approvalPolicy: true } });
  if (request?.status !== "SUBMITTED") return request?.status ?? null;
  const context = await approvalContext(db(), request);
  if (!context) return request.status;
  const { evaluation, state, hold } = context;
  const policy = { policyId: evaluation.policyId, policy: evaluation.policyName, version: evaluation.policyVersion };
  try {
    if (state.outcome.kind === "reject") {
      const comment = `Rejected by the approval policy "${evaluation.policyName}" (version ${evaluation.policyVersion}): ${state.outcome.reason}`;
      return (await transitionRequest({ requestId, action: "reject", actor: { kind: "system" }, auditActor: POLICY_ACTOR, comment, details: policy })).status;
    }
    if (hold || !approvalProgress(state).satisfied) return request.status;
    const comment = `Approved by the approval policy "${evaluation.policyName}" (version ${evaluation.policyVersion})`;
    return (await transitionRequest({ requestId, action: "approve", actor: { kind: "system" }, auditActor: POLICY_ACTOR, comment, details: policy })).status;
  } catch (error) {
    // Somebody acted on the request at the same moment (cancelled it, re-planned it): theirs stands.
    if (error instanceof ExpectedError && error.code === "conflict") return null;
    throw error;
  }
}

/** Every waiting request the policy may now decide by itself (a freeze ended, a request was approved during one). */
export async function settlePendingApprovals(): Promise<number> {
  const waiting = await db().accessRequest.findMany({ where: { status: "SUBMITTED", approvalPolicy: { not: Prisma.DbNull } }, select: { id: true } });
  let settled = 0;
  for (const { id } of waiting) if ((await settleApproval(id)) !== "SUBMITTED") settled++;
  return settled;
}

/**
 * After a plan is computed: which policy applies is stored on the request, and a policy that approves or
 * rejects by itself does so at once. Returns the request's status afterwards.
 */
export async function decideByPolicy(requestId: string, options: { replanned?: boolean } = {}): Promise<RequestStatus | null> {
  await applyApprovalPolicy(requestId, POLICY_ACTOR, options);
  return settleApproval(requestId);
}
