import "server-only";

import { fillWeeks, lastWeeks } from "@/lib/domain/dashboard/weeks";

import type { PrismaClient } from "../prisma-factory";

export const TREND_WEEKS = 12;

export type WeekCount = { week: Date; count: number };
export type WeekTimes = { week: Date; count: number; p50: number | null; p95: number | null };
export type FailureCount = { kind: string; code: string; count: number };
export type MixRow = { team: string; scenario: string; method: string | null; count: number };

export type DashboardTrends = {
  weeks: Date[];
  filed: WeekCount[];
  /** Seconds from filing to the approve or reject decision, by the week of the decision. */
  toDecision: WeekTimes[];
  /** Seconds from the (last) approval to Active, by the week it became active. */
  toActive: WeekTimes[];
  failures: FailureCount[];
  mix: MixRow[];
};

// The AWS error code the step runner writes at the end of a failure message: "… (Code)" or "… (Code) [request id …]".
const ERROR_CODE = String.raw`\(([A-Za-z][A-Za-z0-9.]*)\)( \[request id [^]]*\])?$`;

/**
 * The last TREND_WEEKS weeks, each read through an index on its own time column ("createdAt", "decidedAt",
 * AuditEvent ("action", "at")), so the cost follows the weeks shown, not the years of history behind them.
 */
export async function dashboardTrends(prisma: PrismaClient, now = new Date()): Promise<DashboardTrends> {
  const weeks = lastWeeks(now, TREND_WEEKS);
  const since = weeks[0] ?? now;
  const [filed, toDecision, toActive, failures, mix] = await Promise.all([
    prisma.$queryRaw<WeekCount[]>`
      SELECT date_trunc('week', r."createdAt") AS "week", count(*)::int AS "count"
        FROM "AccessRequest" r WHERE r."createdAt" >= ${since} GROUP BY 1`,
    prisma.$queryRaw<WeekTimes[]>`
      SELECT date_trunc('week', r."decidedAt") AS "week", count(*)::int AS "count",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r."decidedAt" - r."createdAt"))::float8 AS "p50",
             percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM r."decidedAt" - r."createdAt"))::float8 AS "p95"
        FROM "AccessRequest" r WHERE r."decidedAt" >= ${since} GROUP BY 1`,
    // Each activation is paired with the request's last approval before it, found through ("requestId", "at"):
    // joining the requests table instead would read all of it at this size.
    prisma.$queryRaw<WeekTimes[]>`
      SELECT date_trunc('week', e."at") AS "week", count(*)::int AS "count",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e."at" - approved."at"))::float8 AS "p50",
             percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM e."at" - approved."at"))::float8 AS "p95"
        FROM "AuditEvent" e
        CROSS JOIN LATERAL (
          SELECT a."at" FROM "AuditEvent" a
           WHERE a."requestId" = e."requestId" AND a."action" IN ('request.approve', 'request.reapply') AND a."at" <= e."at"
           ORDER BY a."at" DESC LIMIT 1
        ) approved
       WHERE e."action" = 'request.activate' AND e."at" >= ${since} GROUP BY 1`,
    prisma.$queryRaw<FailureCount[]>`
      SELECT coalesce(e."details"->>'kind', 'unknown') AS "kind",
             CASE WHEN e."details"->>'error' LIKE 'Gave up after %' THEN 'timed out waiting'
                  ELSE coalesce(substring(e."details"->>'error' FROM ${ERROR_CODE}), 'no AWS code') END AS "code",
             count(*)::int AS "count"
        FROM "AuditEvent" e WHERE e."action" = 'step.fail' AND e."at" >= ${since}
       GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 20`,
    prisma.$queryRaw<MixRow[]>`
      SELECT t."name" AS "team", r."scenario"::text AS "scenario", r."method"::text AS "method", count(*)::int AS "count"
        FROM "AccessRequest" r JOIN "Team" t ON t."id" = r."teamId"
       WHERE r."createdAt" >= ${since} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  ]);
  const noTimes = (week: Date): WeekTimes => ({ week, count: 0, p50: null, p95: null });
  return {
    weeks,
    filed: fillWeeks(weeks, filed, (week) => ({ week, count: 0 })),
    toDecision: fillWeeks(weeks, toDecision, noTimes),
    toActive: fillWeeks(weeks, toActive, noTimes),
    failures,
    mix,
  };
}
