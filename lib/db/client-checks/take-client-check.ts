import "server-only";

import { checkReportSchema, reportMismatch, reportSummary, resultPassed } from "@/lib/domain/client-check/check-report";
import type { CheckTarget } from "@/lib/domain/client-check/check-targets";
import { ExpectedError } from "@/lib/errors/expected-error";

import { asJsonObject } from "../as-json";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../client";
import { checkTargetsOf } from "./check-targets-of";
import { hashCheckToken } from "./client-check-token";

type LiveCheck = { id: string; requestId: string; requestNumber: number; expiresAt: Date; targets: CheckTarget[] };

const NOT_VALID = "This check command is unknown, used already, or expired: create a new one on the request's page.";

/** The check a token names while it can still report: not used, not expired, its request still active. */
export async function liveCheckOf(token: string, now = new Date()): Promise<LiveCheck | null> {
  const check = await db().clientCheck.findUnique({
    where: { tokenHash: hashCheckToken(token) },
    select: { id: true, requestId: true, expiresAt: true, reportedAt: true, request: { select: { id: true, number: true, status: true, plan: true, connection: true } } },
  });
  if (!check || check.reportedAt || check.expiresAt <= now || check.request.status !== "ACTIVE") return null;
  return { id: check.id, requestId: check.requestId, requestNumber: check.request.number, expiresAt: check.expiresAt, targets: checkTargetsOf(check.request) };
}

/**
 * Takes the one report a check token allows. The token is spent in the same statement that stores the report
 * (a second report, even at the same moment, finds it spent), and the result is an audit event.
 */
export async function recordClientCheck(token: string, body: unknown, reportedFrom: string, now = new Date()) {
  const check = await liveCheckOf(token, now);
  if (!check) throw new ExpectedError("unauthenticated", NOT_VALID);
  const parsed = checkReportSchema.safeParse(body);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "(body)", [i.message]]));
    throw new ExpectedError("bad-request", "The report does not have the shape the check script sends.", fields);
  }
  const mismatch = reportMismatch(parsed.data, check.targets);
  if (mismatch) throw new ExpectedError("bad-request", `The report does not match this check: ${mismatch}.`);
  const report = parsed.data;
  const summary = reportSummary(report.results);
  await db().$transaction(async (tx) => {
    const spent = await tx.clientCheck.updateMany({
      where: { id: check.id, reportedAt: null },
      data: { reportedAt: now, reportedFrom, report: asJsonObject(report) },
    });
    if (spent.count !== 1) throw new ExpectedError("unauthenticated", NOT_VALID);
    await recordAuditEvent(tx, {
      actor: { kind: "system", label: `client check from ${reportedFrom}` },
      action: "request.client-check-reported",
      requestId: check.requestId,
      details: {
        checkId: check.id,
        hostname: report.hostname,
        summary,
        failed: report.results.filter((r) => !resultPassed(r)).map((r) => `${r.host}:${r.port}`),
      },
    });
  });
  return { requestNumber: check.requestNumber, summary };
}
