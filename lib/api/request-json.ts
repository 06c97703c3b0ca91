import "server-only";

import type { z } from "zod";

import type { RequestListRow } from "@/lib/db/requests/search-requests";

import { authModesOf, clientOf } from "./request-columns";
import type { requestListItemJsonSchema, requestSummaryJsonSchema } from "./schemas/request-summary-schema";

export type RequestSummaryJson = z.infer<typeof requestSummaryJsonSchema>;
export type RequestListItemJson = z.infer<typeof requestListItemJsonSchema>;

// The JSON API's view of a request in a list: stable field names, ISO dates, no internal columns.
type SummarySource = Pick<
  RequestListRow,
  "id" | "number" | "status" | "version" | "scenario" | "cluster" | "team" | "requester" | "environment" | "authModes" | "client" | "createdAt" | "endsAt"
>;

export function requestSummaryJson(r: SummarySource): RequestSummaryJson {
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
    endsAt: r.endsAt?.toISOString() ?? null,
  };
}

export function requestListItemJson(r: RequestListRow): RequestListItemJson {
  return { ...requestSummaryJson(r), method: r.method, drifted: r.drifted };
}
