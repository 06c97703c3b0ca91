import "server-only";

import { approvalProgress, type PolicyEvaluation } from "@/lib/domain/approval-policy";
import { checkEndDate, formatEndDate, parseEndDate } from "@/lib/domain/expiry/end-date";
import { may, personOf } from "@/lib/domain/permissions";
import { ExpectedError } from "@/lib/errors/expected-error";
import { refusal } from "@/lib/errors/refusal";
import { notify } from "@/lib/db/notifications/notify";

import { POLICY_ACTOR, currentPolicyFor } from "../approval-policies/apply-approval-policy";
import { asJsonObject } from "../as-json";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../client";
import type { Requester } from "../requests/create-request";
import { visibleRequestsWhere } from "../requests/request-visibility";
import { endDateLimitsFor } from "./end-date-limits-for";
import { lockExtensionFacts } from "./extension-facts";
import { approveExtension, rejectExtension } from "./settle-extension";

export type ExtensionAsk = { requestId: string; toEndsAt: string; reason: string };
/** What became of the ask: decided by its policy at once, or waiting for the people the policy names. */
export type ExtensionAskOutcome = { id: string; toEndsAt: Date; status: "APPROVED" | "REJECTED" | "PENDING"; says: string };

const policyDetails = (e: PolicyEvaluation) => ({ policyId: e.policyId, policy: e.policyName, version: e.policyVersion });

// The new end date is checked like a new request's (the same limits, from now), and must be later than the
// current one: moving it earlier is a decommission, not an extension. Then the approval policies are asked
// about the request as they stand today, as for a new request: the first match decides the extension
// by itself (approve, reject) or names the approvals it needs.
export async function askForExtension(asker: Requester, ask: ExtensionAsk, now: Date = new Date()): Promise<ExtensionAskOutcome> {
  return db().$transaction(async (tx) => {
    const found = await lockExtensionFacts(tx, ask.requestId, visibleRequestsWhere(asker));
    if (!found) throw new ExpectedError("not-found", "No such request.");
    const decision = may(personOf(asker), "extension.request", found.facts);
    if (!decision.ok) throw refusal(decision);
    const from = found.request.endsAt;
    if (!from) throw new ExpectedError("conflict", "This request has no end date to extend.");
    const to = parseEndDate(ask.toEndsAt);
    const problem =
      checkEndDate(to, now, await endDateLimitsFor(found.request)) ??
      (to <= from ? `Choose a date after the current end date (${formatEndDate(from)})` : null);
    if (problem) throw new ExpectedError("bad-request", "Some fields need attention.", { toEndsAt: [problem] });

    // A request without a plan (its plan failed) matches no policy: one approver decides, as before policies.
    const evaluation = await currentPolicyFor(tx, ask.requestId);
    const extension = await tx.requestExtension.create({
      data: {
        requestId: ask.requestId,
        requestedById: asker.id,
        fromEndsAt: from,
        toEndsAt: to,
        reason: ask.reason,
        ...(evaluation ? { approvalPolicy: asJsonObject(evaluation) } : {}),
      },
    });
    const details = { extensionId: extension.id, from: from.toISOString(), to: to.toISOString(), reason: ask.reason };
    const policy = evaluation ? { ...policyDetails(evaluation), why: evaluation.why, outcome: asJsonObject(evaluation.outcome) } : {};
    await recordAuditEvent(tx, { actor: { kind: "user", userId: asker.id, label: asker.email }, action: "request.extension-asked", requestId: ask.requestId, details: asJsonObject({ ...details, ...policy }) });

    const settlement = { requestId: ask.requestId, extension, by: POLICY_ACTOR, now, details: evaluation ? policyDetails(evaluation) : {} };
    if (evaluation?.outcome.kind === "auto-approve") {
      await approveExtension(tx, { ...settlement, comment: `Approved by the policy “${evaluation.policyName}” (version ${evaluation.policyVersion})` });
      return { id: extension.id, toEndsAt: to, status: "APPROVED", says: `Extended to ${formatEndDate(to)}: the policy “${evaluation.policyName}” approves it by itself.` };
    }
    if (evaluation?.outcome.kind === "reject") {
      await rejectExtension(tx, { ...settlement, comment: evaluation.outcome.reason });
      return { id: extension.id, toEndsAt: to, status: "REJECTED", says: `The policy “${evaluation.policyName}” rejects this extension: ${evaluation.outcome.reason}` };
    }
    // Approvers decide it, as they decide a request: only those whose approval the policy would count hear.
    await notify(tx, { type: "request.awaiting-approval", requestId: ask.requestId, actorId: asker.id, details: { extension: details } });
    const waiting = evaluation ? approvalProgress({ outcome: evaluation.outcome, approvals: [], requesterId: asker.id }).summary : "1 approval";
    return { id: extension.id, toEndsAt: to, status: "PENDING", says: `Extension to ${formatEndDate(to)} asked for; it needs ${waiting.replace(/^0 of /, "")} from approvers.` };
  });
}
