import { ageBounds, expiryBounds, type RequestFilter } from "@/lib/domain/requests/request-filter";

import { Prisma } from "../generated/client";
import { visibleTeamIds, type Viewer } from "./request-visibility";

/** Ids of the small tables a text search matches, looked up first so the big table is read through its indexes. */
export type TextMatches = { clusterIds: string[]; teamIds: string[]; requesterIds: string[] };

const NONE = Prisma.sql`FALSE`;
/** A drift finding is an array of at least one problem; containment is what the GIN index on "drift" answers. */
export const DRIFTED = Prisma.sql`r."drift" @> '[{}]'::jsonb`;
const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`);

function searchCondition(filter: RequestFilter, matches: TextMatches | null, accountClusterIds: string[]): Prisma.Sql | null {
  const search = filter.search;
  if (!search) return null;
  switch (search.kind) {
    case "number":
      return Prisma.sql`r."number" = ${search.number}`;
    // `@>` is what the GIN index on "client" (jsonb_path_ops) answers.
    case "vpc":
      return Prisma.sql`r."client" @> ${JSON.stringify({ vpcId: search.vpcId })}::jsonb`;
    case "account": {
      const client = Prisma.sql`r."client" @> ${JSON.stringify({ accountId: search.accountId })}::jsonb`;
      return accountClusterIds.length ? Prisma.sql`(${client} OR r."clusterId" = ANY(${accountClusterIds}))` : client;
    }
    case "text": {
      const m = matches ?? { clusterIds: [], teamIds: [], requesterIds: [] };
      const any = [
        m.clusterIds.length ? Prisma.sql`r."clusterId" = ANY(${m.clusterIds})` : null,
        m.teamIds.length ? Prisma.sql`r."teamId" = ANY(${m.teamIds})` : null,
        m.requesterIds.length ? Prisma.sql`r."requesterId" = ANY(${m.requesterIds})` : null,
      ].filter((p): p is Prisma.Sql => p !== null);
      return any.length ? Prisma.sql`(${Prisma.join(any, " OR ")})` : NONE;
    }
  }
}

/**
 * The WHERE clause of the requests list (alias `r`): visibility first, then each filter. Every branch is
 * written so an index serves it (see the hot-queries EXPLAIN test).
 */
export function requestWhereSql(
  viewer: Viewer,
  filter: RequestFilter,
  options: { now: Date; textMatches: TextMatches | null; accountClusterIds: string[] },
): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const teams = visibleTeamIds(viewer);
  if (teams !== "all") parts.push(teams.length ? Prisma.sql`r."teamId" = ANY(${teams})` : NONE);
  const search = searchCondition(filter, options.textMatches, options.accountClusterIds);
  if (search) parts.push(search);
  if (filter.statuses.length) parts.push(Prisma.sql`r."status" = ANY(CAST(${filter.statuses} AS "RequestStatus"[]))`);
  if (filter.scenarios.length) parts.push(Prisma.sql`r."scenario" = ANY(CAST(${filter.scenarios} AS "Scenario"[]))`);
  if (filter.methods.length) parts.push(Prisma.sql`r."method" = ANY(CAST(${filter.methods} AS "ConnectionMethod"[]))`);
  if (filter.environments.length) parts.push(Prisma.sql`r."environment" = ANY(CAST(${filter.environments} AS "Environment"[]))`);
  const { filedAfter, filedBefore } = ageBounds(filter.age, options.now);
  if (filedAfter) parts.push(Prisma.sql`r."createdAt" >= ${filedAfter}`);
  if (filedBefore) parts.push(Prisma.sql`r."createdAt" < ${filedBefore}`);
  // Drift is only recorded for active connections; a drift left on a request that moved on is history.
  if (filter.drift === "drifted") parts.push(Prisma.sql`r."status" = 'ACTIVE' AND ${DRIFTED}`);
  if (filter.drift === "in-sync") parts.push(Prisma.sql`r."status" = 'ACTIVE' AND r."drift" IS NULL`);
  const expiry = expiryBounds(filter.expiring, options.now);
  if (expiry) parts.push(Prisma.sql`r."status" = 'ACTIVE' AND r."endsAt" >= ${expiry.endsAfter} AND r."endsAt" < ${expiry.endsBefore}`);
  return and(parts);
}

export function requestOrderSql(filter: RequestFilter): Prisma.Sql {
  switch (filter.sort) {
    case "oldest":
      return Prisma.sql`r."createdAt" ASC, r."id" ASC`;
    case "updated":
      return Prisma.sql`r."updatedAt" DESC, r."id" DESC`;
    default:
      return Prisma.sql`r."createdAt" DESC, r."id" DESC`;
  }
}

/** The page query itself, shared by the list and the EXPLAIN test. */
export function requestPageSql(where: Prisma.Sql, order: Prisma.Sql, limit: number, offset: number): Prisma.Sql {
  return Prisma.sql`SELECT r."id" FROM "AccessRequest" r WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`;
}

export function requestCountSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS "total" FROM "AccessRequest" r WHERE ${where}`;
}
