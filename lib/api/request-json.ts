import "server-only";

import type { z } from "zod";

import type { RequestListRow } from "@/lib/db/requests/list-requests";

import { authModesOf, clientOf } from "./request-columns";
import type { requestSummaryJsonSchema } from "./schemas/request-summary-schema";

export type RequestSummaryJson = z.infer<typeof requestSummaryJsonSchema>;

// The JSON API's view of a request in a list: stable field names, ISO dates, no internal columns.
export function requestSummaryJson(r: RequestListRow): RequestSummaryJson {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    version: r.version,
    scenario: r.scenario,
    cluster: r.cluster.name,
    team: r.team.slug,
    requester: r.requester.email,
    environment: r.environment,
    authModes: authModesOf(r),
    client: clientOf(r),
    createdAt: r.createdAt.toISOString(),
  };
}
