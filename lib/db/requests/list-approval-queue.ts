import "server-only";

import { isFiltered, type RequestFilter } from "@/lib/domain/requests/request-filter";

import { db } from "../client";
import { scenarioColumn } from "../enums/domain-enums";
import { Prisma } from "../generated/client";
import { visibleRequestsWhere, type Viewer } from "./request-visibility";
import { requestOrderSql, requestPageSql } from "./request-search-sql";
import { buildRequestWhere } from "./search-requests";

// The submitted requests an approver can decide, oldest first. Those that need changes (a plan with a blocking
// finding: approvable false; the rule of lib/domain/needs-changes) are the requester's to fix and stay out, in
// SQL, so that the count and the pages agree with what is shown. No plan yet, or a planning error, stays in:
// an approver can still reject such a request.
export const awaitingDecisionWhere: Prisma.AccessRequestWhereInput = {
  status: "SUBMITTED",
  OR: [{ plan: { equals: Prisma.AnyNull } }, { plan: { path: ["plan"], equals: Prisma.AnyNull } }, { plan: { path: ["plan", "approvable"], equals: true } }],
};

// A filter narrows the queue to the waiting requests it matches; no more than this many are ever waiting at once
// in a sane organisation, so the id set stays small (the search runs in SQL with the list's indexes).
const MAX_FILTERED = 5000;

async function matchingWaitingIds(viewer: Viewer, filter: RequestFilter): Promise<string[]> {
  const where = await buildRequestWhere(db(), viewer, { ...filter, statuses: ["SUBMITTED"] });
  const rows = await db().$queryRaw<{ id: string }[]>(requestPageSql(where, requestOrderSql({ ...filter, sort: "oldest" }), MAX_FILTERED, 0));
  return rows.map((r) => r.id);
}

/**
 * The queue of one approver: what waits for a decision, never their own requests (separation of duties) nor one
 * they approved already, so that the count and the pages agree with what is listed. Whether a policy's named
 * team still needs them is read per row by the page (approvalWouldCount).
 */
export async function listApprovalQueue(viewer: Viewer, options: { page: number; pageSize: number; filter?: RequestFilter }) {
  const only = options.filter && isFiltered(options.filter) ? await matchingWaitingIds(viewer, options.filter) : null;
  const where: Prisma.AccessRequestWhereInput = {
    AND: [
      visibleRequestsWhere(viewer),
      awaitingDecisionWhere,
      { requesterId: { not: viewer.id } },
      { approvals: { none: { userId: viewer.id } } },
      ...(only ? [{ id: { in: only } }] : []),
    ],
  };
  const [total, rows] = await Promise.all([
    db().accessRequest.count({ where }),
    db().accessRequest.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
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
        plan: true,
        cluster: { select: { name: true, region: true, accountId: true } },
        team: { select: { name: true, slug: true } },
        requester: { select: { email: true, name: true } },
      },
    }),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, scenario: scenarioColumn.fromDb(row.scenario) })),
    total,
    page: options.page,
    pages: Math.max(1, Math.ceil(total / options.pageSize)),
    outOfRange: total > 0 && options.page > Math.ceil(total / options.pageSize),
  };
}
