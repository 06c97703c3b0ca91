import "server-only";

import type { RequestStatus } from "@/lib/domain/lifecycle";
import { clampPage } from "@/lib/domain/validation/page-number";

import { db } from "../client";
import { scenarioColumn } from "../enums/domain-enums";
import { visibleRequestsWhere, type Viewer } from "./request-visibility";

export const REQUESTS_PAGE_SIZE = 25;

export async function listRequests(
  viewer: Viewer,
  options: { statuses?: RequestStatus[]; page?: number; pageSize?: number; withPlan?: boolean; oldestFirst?: boolean } = {},
) {
  const pageSize = options.pageSize ?? REQUESTS_PAGE_SIZE;
  const page = clampPage(options.page ?? 1);
  const where = {
    ...visibleRequestsWhere(viewer),
    ...(options.statuses?.length ? { status: { in: options.statuses } } : {}),
  };
  const [total, rows] = await Promise.all([
    db().accessRequest.count({ where }),
    db().accessRequest.findMany({
      where,
      orderBy: { createdAt: options.oldestFirst ? "asc" : "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        number: true,
        status: true,
        scenario: true,
        environment: true,
        authModes: true,
        createdAt: true,
        version: true,
        client: true,
        requesterId: true,
        teamId: true,
        cluster: { select: { name: true, region: true, accountId: true } },
        team: { select: { name: true, slug: true } },
        requester: { select: { email: true, name: true } },
        // Plans are large; only the approval queue, which shows each one's verdict, asks for them.
        plan: options.withPlan ?? false,
      },
    }),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, scenario: scenarioColumn.fromDb(row.scenario) })),
    total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

export type RequestListRow = Awaited<ReturnType<typeof listRequests>>["rows"][number];
