import "server-only";

import type { RequestDetail } from "@/lib/db/requests/get-request";
import type { RequestListRow } from "@/lib/db/requests/list-requests";

// The JSON API's view of a request: stable field names, ISO dates, no internal columns.
export function requestSummaryJson(r: RequestListRow) {
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
    authModes: r.authModes,
    client: r.client,
    createdAt: r.createdAt.toISOString(),
  };
}

export function requestDetailJson(r: RequestDetail) {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    version: r.version,
    scenario: r.scenario,
    cluster: { arn: r.cluster.arn, name: r.cluster.name, accountId: r.cluster.accountId, region: r.cluster.region },
    team: r.team.slug,
    requester: r.requester.email,
    environment: r.environment,
    authModes: r.authModes,
    client: r.client,
    justification: r.justification,
    decision: r.decidedBy ? { by: r.decidedBy.email, comment: r.decisionComment, at: r.decidedAt?.toISOString() ?? null } : null,
    steps: r.steps.map((s) => ({ key: s.key, kind: s.kind, status: s.status, attempts: s.attempts, error: s.error })),
    timeline: r.auditEvents.map((e) => ({ at: e.at.toISOString(), actor: e.actorLabel, action: e.action, details: e.details })),
    createdAt: r.createdAt.toISOString(),
  };
}
