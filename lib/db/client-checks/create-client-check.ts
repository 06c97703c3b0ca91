import "server-only";

import { may, personOf } from "@/lib/domain/permissions";
import { ExpectedError } from "@/lib/errors/expected-error";
import { refusal } from "@/lib/errors/refusal";

import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../client";
import type { Requester } from "../requests/create-request";
import { visibleRequestsWhere } from "../requests/request-visibility";
import { checkTargetsOf } from "./check-targets-of";
import { CHECK_TOKEN_HOURS, hashCheckToken, newCheckToken } from "./client-check-token";

/**
 * Issues a one-time check token for an active request: shown once to its creator, stored as a digest. The
 * token authorizes fetching the script and one report, for this request only.
 */
export async function createClientCheck(user: Requester, requestId: string, now = new Date()) {
  const request = await db().accessRequest.findFirst({
    where: { id: requestId, ...visibleRequestsWhere(user) },
    select: { id: true, number: true, requesterId: true, teamId: true, status: true, plan: true, connection: true },
  });
  if (!request) throw new ExpectedError("not-found", "No such request.");
  const decision = may(personOf(user), "request.client-check", request);
  if (!decision.ok) throw refusal(decision);
  const targets = checkTargetsOf(request);
  if (targets.length === 0) {
    throw new ExpectedError("conflict", "This connection has no broker addresses to check from the client (a SaaS client connects from its provider's account).");
  }
  const token = newCheckToken();
  const expiresAt = new Date(now.getTime() + CHECK_TOKEN_HOURS * 3_600_000);
  await db().$transaction(async (tx) => {
    const check = await tx.clientCheck.create({ data: { requestId, tokenHash: hashCheckToken(token), createdById: user.id, expiresAt } });
    await recordAuditEvent(tx, {
      actor: { kind: "user", userId: user.id, label: user.email },
      action: "request.client-check-created",
      requestId,
      details: { checkId: check.id, expiresAt: expiresAt.toISOString(), brokers: targets.length },
    });
  });
  return { token, expiresAt, requestNumber: request.number, targets };
}
