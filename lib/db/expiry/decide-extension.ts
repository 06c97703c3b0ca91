import "server-only";

import { checkEndDate } from "@/lib/domain/expiry/end-date";
import { may, personOf } from "@/lib/domain/permissions";
import { ExpectedError } from "@/lib/errors/expected-error";
import { refusal } from "@/lib/errors/refusal";
import { notify } from "@/lib/notifications/notify";

import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../client";
import type { Requester } from "../requests/create-request";
import { visibleRequestsWhere } from "../requests/request-visibility";
import { endDateLimitsFor } from "./end-date-limits-for";
import { lockExtensionFacts } from "./extension-facts";

export type ExtensionDecisionInput = { requestId: string; extensionId: string; decision: "approve" | "reject"; comment: string };

// Approving moves the request's end date; the reminders start again for the new date (they are kept per date).
export async function decideExtension(decider: Requester, input: ExtensionDecisionInput, now: Date = new Date()) {
  return db().$transaction(async (tx) => {
    const found = await lockExtensionFacts(tx, input.requestId, visibleRequestsWhere(decider));
    if (!found) throw new ExpectedError("not-found", "No such request.");
    const decision = may(personOf(decider), "extension.decide", found.facts);
    if (!decision.ok) throw refusal(decision);
    const pending = found.pending;
    if (!pending || pending.id !== input.extensionId) {
      throw new ExpectedError("conflict", "This extension was decided by someone else in the meantime. Reload to see the latest.");
    }
    if (input.decision === "approve") {
      // The limits as they stand now: a policy tightened since the ask, or a date that has passed, is refused.
      const problem = checkEndDate(pending.toEndsAt, now, await endDateLimitsFor(found.request));
      if (problem) throw new ExpectedError("bad-request", `This extension cannot be approved: ${problem.toLowerCase()}. Reject it with a comment.`, { comment: [problem] });
      await tx.accessRequest.update({ where: { id: input.requestId }, data: { endsAt: pending.toEndsAt } });
    }
    await tx.requestExtension.update({
      where: { id: pending.id },
      data: { status: input.decision === "approve" ? "APPROVED" : "REJECTED", decidedById: decider.id, decisionComment: input.comment || null, decidedAt: now },
    });
    const details = { extensionId: pending.id, from: pending.fromEndsAt.toISOString(), to: pending.toEndsAt.toISOString(), ...(input.comment ? { comment: input.comment } : {}) };
    const actor = { kind: "user" as const, userId: decider.id, label: decider.email };
    await recordAuditEvent(tx, { actor, action: `request.extension-${input.decision === "approve" ? "approved" : "rejected"}`, requestId: input.requestId, details });
    if (input.decision === "approve") {
      await notify(tx, { type: "request.extended", requestId: input.requestId, actorId: decider.id, details: { ...details, endsAt: details.to } });
    }
    return { status: input.decision === "approve" ? "APPROVED" : "REJECTED" };
  });
}
