import "server-only";

import { Prisma } from "../generated/client";
import type { PrismaClient } from "../prisma-factory";
import { DRIFTED } from "../requests/request-search-sql";

const HOUR_MS = 3_600_000;
const SHOWN = 5;

export type NowItem = { id: string; number: number; team: string; since: Date };

export type DashboardNow = {
  waiting: { count: number; overDay: number; overWeek: number; oldest: NowItem[] };
  inFlight: { count: number; overHour: number; longest: NowItem[] };
  failed: { count: number; latest: NowItem[] };
  drifted: { count: number; latest: NowItem[] };
  /** Active connections whose end date is within the next 7 days, soonest first; `since` is the end date. */
  expiring: { count: number; soonest: NowItem[] };
};

type CountRow = { waiting: number; overDay: number; overWeek: number; failed: number; drifted: number; expiring: number };

// Each count reads only the rows of its statuses through ("status", "createdAt"), "endsAt" or the drift index; the
// lists are the few rows a person acts on first. Nothing here grows with the number of active connections.
export async function dashboardNow(prisma: PrismaClient, now = new Date()): Promise<DashboardNow> {
  const day = new Date(now.getTime() - 24 * HOUR_MS);
  const week = new Date(now.getTime() - 7 * 24 * HOUR_MS);
  const hour = new Date(now.getTime() - HOUR_MS);
  const nextWeek = new Date(now.getTime() + 7 * 24 * HOUR_MS);
  const [counts, oldestWaiting, inFlight, failed, drifted, expiring] = await Promise.all([
    prisma.$queryRaw<CountRow[]>`
      SELECT (SELECT count(*)::int FROM "AccessRequest" r WHERE r."status" = 'SUBMITTED') AS "waiting",
             (SELECT count(*)::int FROM "AccessRequest" r WHERE r."status" = 'SUBMITTED' AND r."createdAt" < ${day}) AS "overDay",
             (SELECT count(*)::int FROM "AccessRequest" r WHERE r."status" = 'SUBMITTED' AND r."createdAt" < ${week}) AS "overWeek",
             (SELECT count(*)::int FROM "AccessRequest" r WHERE r."status" = 'FAILED') AS "failed",
             (SELECT count(*)::int FROM "AccessRequest" r WHERE r."status" = 'ACTIVE' AND ${DRIFTED}) AS "drifted",
             (SELECT count(*)::int FROM "AccessRequest" r
               WHERE r."status" = 'ACTIVE' AND r."endsAt" >= ${now} AND r."endsAt" < ${nextWeek}) AS "expiring"`,
    prisma.$queryRaw<NowItem[]>`
      SELECT r."id", r."number", t."name" AS "team", r."createdAt" AS "since"
        FROM "AccessRequest" r JOIN "Team" t ON t."id" = r."teamId"
       WHERE r."status" = 'SUBMITTED' ORDER BY r."createdAt" ASC LIMIT ${SHOWN}`,
    inFlightRuns(prisma, hour),
    prisma.$queryRaw<NowItem[]>`
      SELECT r."id", r."number", t."name" AS "team", r."updatedAt" AS "since"
        FROM "AccessRequest" r JOIN "Team" t ON t."id" = r."teamId"
       WHERE r."status" = 'FAILED' ORDER BY r."updatedAt" DESC LIMIT ${SHOWN}`,
    prisma.$queryRaw<NowItem[]>`
      SELECT r."id", r."number", t."name" AS "team", coalesce(r."driftCheckedAt", r."updatedAt") AS "since"
        FROM "AccessRequest" r JOIN "Team" t ON t."id" = r."teamId"
       WHERE r."status" = 'ACTIVE' AND ${DRIFTED} ORDER BY r."driftCheckedAt" DESC NULLS LAST LIMIT ${SHOWN}`,
    prisma.$queryRaw<NowItem[]>`
      SELECT r."id", r."number", t."name" AS "team", r."endsAt" AS "since"
        FROM "AccessRequest" r JOIN "Team" t ON t."id" = r."teamId"
       WHERE r."status" = 'ACTIVE' AND r."endsAt" >= ${now} AND r."endsAt" < ${nextWeek} ORDER BY r."endsAt" ASC LIMIT ${SHOWN}`,
  ]);
  const c = counts[0] ?? { waiting: 0, overDay: 0, overWeek: 0, failed: 0, drifted: 0, expiring: 0 };
  return {
    waiting: { count: c.waiting, overDay: c.overDay, overWeek: c.overWeek, oldest: oldestWaiting },
    inFlight,
    failed: { count: c.failed, latest: failed },
    drifted: { count: c.drifted, latest: drifted },
    expiring: { count: c.expiring, soonest: expiring },
  };
}

// A run starts at the approval or retry that sent the request to the queue: its latest such event, found
// through ("requestId", "at") for each in-flight request (a handful at any time, a few hundred at the most).
// The statuses are literals so that the planner sees how few rows they hold.
const RUNS = Prisma.sql`
  SELECT r."id", r."number", t."name" AS "team", coalesce(started."at", r."updatedAt") AS "since"
    FROM "AccessRequest" r
    JOIN "Team" t ON t."id" = r."teamId"
    LEFT JOIN LATERAL (
      SELECT e."at" FROM "AuditEvent" e
       WHERE e."requestId" = r."id" AND e."action" IN ('request.approve', 'request.retry', 'request.reapply')
       ORDER BY e."at" DESC LIMIT 1
    ) started ON TRUE
   WHERE r."status" IN ('APPROVED', 'PROVISIONING', 'VERIFYING')`;

async function inFlightRuns(prisma: PrismaClient, hour: Date): Promise<DashboardNow["inFlight"]> {
  const [counts, longest] = await Promise.all([
    prisma.$queryRaw<{ count: number; overHour: number }[]>`
      SELECT count(*)::int AS "count", (count(*) FILTER (WHERE runs."since" < ${hour}))::int AS "overHour" FROM (${RUNS}) runs`,
    prisma.$queryRaw<NowItem[]>`SELECT * FROM (${RUNS}) runs ORDER BY runs."since" ASC LIMIT ${SHOWN}`,
  ]);
  return { count: counts[0]?.count ?? 0, overHour: counts[0]?.overHour ?? 0, longest };
}
