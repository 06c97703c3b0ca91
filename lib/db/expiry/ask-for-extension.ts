import "server-only";

import { checkEndDate, formatEndDate, parseEndDate } from "@/lib/domain/expiry/end-date";
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

export type ExtensionAsk = { requestId: string; toEndsAt: string; reason: string };

// The new end date is checked like a new request's (the same limits, from now), and must be later than the
// current one: moving it earlier is a decommission, not an extension.
export async function askForExtension(asker: Requester, ask: ExtensionAsk, now: Date = new Date()) {
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

    const extension = await tx.requestExtension.create({
      data: { requestId: ask.requestId, requestedById: asker.id, fromEndsAt: from, toEndsAt: to, reason: ask.reason },
    });
    const details = { extensionId: extension.id, from: from.toISOString(), to: to.toISOString(), reason: ask.reason };
    await recordAuditEvent(tx, { actor: { kind: "user", userId: asker.id, label: asker.email }, action: "request.extension-asked", requestId: ask.requestId, details });
    // Approvers decide it, as they decide a request.
    await notify(tx, { type: "request.awaiting-approval", requestId: ask.requestId, actorId: asker.id, details: { extension: details } });
    return extension;
  });
}
