import "server-only";

import { readAuditDetails } from "@/lib/domain/audit-details";

import { db } from "../client";
import { preferredMethodColumn, scenarioColumn, stepKindColumn } from "../enums/domain-enums";
import { visibleRequestsWhere, type Viewer } from "./request-visibility";

// null both when the request does not exist and when the viewer may not see it.
export async function getRequestForViewer(viewer: Viewer, id: string) {
  const row = await db().accessRequest.findFirst({
    where: { id, ...visibleRequestsWhere(viewer) },
    include: {
      cluster: { include: { account: { select: { name: true } } } },
      team: true,
      requester: { select: { id: true, email: true, name: true } },
      decidedBy: { select: { email: true, name: true } },
      steps: { orderBy: { position: "asc" } },
      auditEvents: { orderBy: { at: "asc" } },
    },
  });
  if (!row) return null;
  return {
    ...row,
    scenario: scenarioColumn.fromDb(row.scenario),
    preferredMethod: row.preferredMethod ? preferredMethodColumn.fromDb(row.preferredMethod) : null,
    steps: row.steps.map((step) => ({ ...step, kind: stepKindColumn.fromDb(step.kind) })),
    auditEvents: row.auditEvents.map((event) => ({ ...event, details: readAuditDetails(event.details) })),
  };
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequestForViewer>>>;
