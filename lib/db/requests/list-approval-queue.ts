import "server-only";

import { db } from "../client";
import { scenarioColumn } from "../enums/domain-enums";
import { Prisma } from "../generated/client";
import { visibleRequestsWhere, type Viewer } from "./request-visibility";

// The submitted requests an approver can decide, oldest first. Those that need changes (a plan with a blocking
// finding: approvable false; the rule of lib/domain/needs-changes) are the requester's to fix and stay out, in
// SQL, so that the count and the pages agree with what is shown. No plan yet, or a planning error, stays in:
// an approver can still reject such a request.
export const awaitingDecisionWhere: Prisma.AccessRequestWhereInput = {
  status: "SUBMITTED",
  OR: [{ plan: { equals: Prisma.AnyNull } }, { plan: { path: ["plan"], equals: Prisma.AnyNull } }, { plan: { path: ["plan", "approvable"], equals: true } }],
};

export async function listApprovalQueue(viewer: Viewer, options: { page: number; pageSize: number }) {
  const where = { AND: [visibleRequestsWhere(viewer), awaitingDecisionWhere] };
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
  };
}
