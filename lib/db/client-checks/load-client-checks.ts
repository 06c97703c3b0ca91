import "server-only";

import { checkReportSchema, type CheckReport } from "@/lib/domain/client-check/check-report";
import { readJsonColumn } from "@/lib/domain/json/read-json-column";

import { db } from "../client";

export type ReportedCheck = { id: string; reportedAt: Date; reportedFrom: string | null; createdBy: string; report: CheckReport };

/** The newest report of a request's client checks (each covers every broker and port), and how many wait. */
export async function loadClientChecks(requestId: string, now = new Date()) {
  const [latest, waiting] = await Promise.all([
    db().clientCheck.findFirst({
      where: { requestId, reportedAt: { not: null } },
      orderBy: { reportedAt: "desc" },
      select: { id: true, reportedAt: true, reportedFrom: true, report: true, createdBy: { select: { email: true } } },
    }),
    db().clientCheck.count({ where: { requestId, reportedAt: null, expiresAt: { gt: now } } }),
  ]);
  const reported: ReportedCheck | null =
    latest?.reportedAt
      ? {
          id: latest.id,
          reportedAt: latest.reportedAt,
          reportedFrom: latest.reportedFrom,
          createdBy: latest.createdBy.email,
          report: readJsonColumn(checkReportSchema, latest.report, { table: "ClientCheck", column: "report", id: latest.id }),
        }
      : null;
  return { latest: reported, waiting };
}
