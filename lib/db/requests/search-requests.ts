import "server-only";

import type { RequestFilter } from "@/lib/domain/requests/request-filter";

import { db } from "../client";
import { connectionMethodColumn, scenarioColumn } from "../enums/domain-enums";
import type { PrismaClient } from "../prisma-factory";
import { requestCountSql, requestOrderSql, requestPageSql, requestWhereSql, type TextMatches } from "./request-search-sql";
import type { Viewer } from "./request-visibility";

export const REQUESTS_PAGE_SIZE = 25;
// A name fragment matching more people, teams or clusters than this is too broad to be a search.
const MAX_TEXT_MATCHES = 1000;

async function textMatches(prisma: PrismaClient, filter: RequestFilter): Promise<TextMatches | null> {
  if (filter.search?.kind !== "text") return null;
  const contains = { contains: filter.search.text, mode: "insensitive" as const };
  const [clusters, teams, people] = await Promise.all([
    prisma.cluster.findMany({ where: { OR: [{ name: contains }, { arn: contains }] }, select: { id: true }, take: MAX_TEXT_MATCHES }),
    prisma.team.findMany({ where: { OR: [{ slug: contains }, { name: contains }] }, select: { id: true }, take: MAX_TEXT_MATCHES }),
    prisma.user.findMany({ where: { OR: [{ email: contains }, { name: contains }] }, select: { id: true }, take: MAX_TEXT_MATCHES }),
  ]);
  return { clusterIds: clusters.map((c) => c.id), teamIds: teams.map((t) => t.id), requesterIds: people.map((p) => p.id) };
}

async function accountClusterIds(prisma: PrismaClient, filter: RequestFilter): Promise<string[]> {
  if (filter.search?.kind !== "account") return [];
  const clusters = await prisma.cluster.findMany({ where: { accountId: filter.search.accountId }, select: { id: true } });
  return clusters.map((c) => c.id);
}

/** The WHERE clause for this viewer and filter, after the small lookups a search needs. */
export async function buildRequestWhere(prisma: PrismaClient, viewer: Viewer, filter: RequestFilter, now = new Date()) {
  const [matches, clusterIds] = await Promise.all([textMatches(prisma, filter), accountClusterIds(prisma, filter)]);
  return requestWhereSql(viewer, filter, { now, textMatches: matches, accountClusterIds: clusterIds });
}

/**
 * One page of the requests a viewer may see that match the filter: the ids and the total in SQL (indexes,
 * bounded offset), then the rows with their cluster, team and requester in one query: never one per row.
 */
export async function searchRequests(
  viewer: Viewer,
  filter: RequestFilter,
  options: { pageSize?: number; withPlan?: boolean; prisma?: PrismaClient } = {},
) {
  const prisma = options.prisma ?? db();
  const pageSize = options.pageSize ?? REQUESTS_PAGE_SIZE;
  const where = await buildRequestWhere(prisma, viewer, filter);
  const [counted, page] = await Promise.all([
    prisma.$queryRaw<{ total: number }[]>(requestCountSql(where)),
    prisma.$queryRaw<{ id: string }[]>(requestPageSql(where, requestOrderSql(filter), pageSize, (filter.page - 1) * pageSize)),
  ]);
  const total = counted[0]?.total ?? 0;
  const found = await prisma.accessRequest.findMany({
    where: { id: { in: page.map((p) => p.id) } },
    select: {
      id: true,
      number: true,
      status: true,
      scenario: true,
      method: true,
      environment: true,
      authModes: true,
      createdAt: true,
      updatedAt: true,
      version: true,
      client: true,
      requesterId: true,
      teamId: true,
      drift: true,
      driftCheckedAt: true,
      endsAt: true,
      cluster: { select: { name: true, region: true, accountId: true } },
      team: { select: { name: true, slug: true } },
      requester: { select: { email: true, name: true } },
      // Plans are large; only the approval queue, which shows each one's verdict, asks for them.
      plan: options.withPlan ?? false,
    },
  });
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = page.flatMap((p) => {
    const row = byId.get(p.id);
    if (!row) return [];
    const { drift, method, ...rest } = row;
    return [
      {
        ...rest,
        scenario: scenarioColumn.fromDb(row.scenario),
        method: method ? connectionMethodColumn.fromDb(method) : null,
        // What a list shows of drift: whether the last check of an active connection found any.
        drifted: row.status === "ACTIVE" && drift !== null,
      },
    ];
  });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return { rows, total, page: filter.page, pageSize, pages, outOfRange: total > 0 && filter.page > pages };
}

export type RequestSearchResult = Awaited<ReturnType<typeof searchRequests>>;
export type RequestListRow = RequestSearchResult["rows"][number];
