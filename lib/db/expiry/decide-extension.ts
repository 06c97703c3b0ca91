import "server-only";

import { approvalProgress, type RecordedApproval } from "@/lib/domain/approval-policy";
import { checkEndDate } from "@/lib/domain/expiry/end-date";
import { may, personOf } from "@/lib/domain/permissions";
import { ExpectedError } from "@/lib/errors/expected-error";
import { refusal } from "@/lib/errors/refusal";

import { asJson } from "../as-json";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../client";
import type { Requester } from "../requests/create-request";
import { visibleRequestsWhere } from "../requests/request-visibility";
import { endDateLimitsFor } from "./end-date-limits-for";
import { lockExtensionFacts } from "./extension-facts";
import { approveExtension, rejectExtension } from "./settle-extension";

export type ExtensionDecisionInput = { requestId: string; extensionId: string; decision: "approve" | "reject"; comment: string };
export type ExtensionDecisionOutcome = { status: "APPROVED" | "REJECTED" | "PENDING"; says: string };

// An approval that counts is recorded; the end date moves once the policy that applied to the extension has
// every approval it asks for (one, for an extension asked before policies applied to extensions). One
// counted approver's rejection ends it. The request's row is locked, so two approvals cannot both be the last.
export async function decideExtension(decider: Requester, input: ExtensionDecisionInput, now: Date = new Date()): Promise<ExtensionDecisionOutcome> {
  return db().$transaction(async (tx) => {
    const found = await lockExtensionFacts(tx, input.requestId, visibleRequestsWhere(decider));
    if (!found) throw new ExpectedError("not-found", "No such request.");
    // Another extension than the one on the viewer's screen: theirs was decided meanwhile (and a new one asked).
    const pending = found.pending;
    const stale = !pending || pending.id !== input.extensionId;
    const decision = may(personOf(decider), input.decision === "approve" && !stale ? "extension.approve" : "extension.decide", found.facts);
    if (!decision.ok) throw refusal(decision);
    if (stale) throw new ExpectedError("conflict", "This extension was decided by someone else in the meantime. Reload to see the latest.");
    const by = { kind: "user" as const, userId: decider.id, label: decider.email };
    const settlement = { requestId: input.requestId, extension: pending, by, comment: input.comment || null, now };
    if (input.decision === "reject") {
      await rejectExtension(tx, settlement);
      return { status: "REJECTED", says: "Extension rejected." };
    }
    // The limits as they stand now: a policy tightened since the ask, or a date that has passed, is refused.
    const problem = checkEndDate(pending.toEndsAt, now, await endDateLimitsFor(found.request));
    if (problem) throw new ExpectedError("bad-request", `This extension cannot be approved: ${problem.toLowerCase()}. Reject it with a comment.`, { comment: [problem] });
    if (!found.approvals) {
      await approveExtension(tx, settlement);
      return { status: "APPROVED", says: "Extension approved: the end date moved." };
    }
    const { evaluation, state } = found.approvals;
    const mine: RecordedApproval = { userId: decider.id, label: decider.email, teams: [...decider.teamIds], at: now.toISOString() };
    const approvals = [...state.approvals, mine];
    await tx.requestExtension.update({ where: { id: pending.id }, data: { approvals: asJson(approvals) } });
    const progress = approvalProgress({ ...state, approvals });
    const policy = { policyId: evaluation.policyId, policy: evaluation.policyName, version: evaluation.policyVersion, progress: progress.summary };
    if (progress.satisfied) {
      const names = progress.counted.map((a) => a.label).join(", ");
      await approveExtension(tx, { ...settlement, details: { ...policy, approvedBy: names } });
      return { status: "APPROVED", says: "Extension approved: the end date moved." };
    }
    const details = { extensionId: pending.id, ...policy, ...(input.comment ? { comment: input.comment } : {}) };
    await recordAuditEvent(tx, { actor: by, action: "request.extension-approval-recorded", requestId: input.requestId, details });
    return { status: "PENDING", says: `Your approval is recorded: ${progress.summary}.` };
  });
}
