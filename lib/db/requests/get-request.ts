import "server-only";

import { db } from "../client";
import { visibleRequestsWhere, type Viewer } from "./request-visibility";

// null both when the request does not exist and when the viewer may not see it.
export async function getRequestForViewer(viewer: Viewer, id: string) {
  return db().accessRequest.findFirst({
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
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof getRequestForViewer>>>;
