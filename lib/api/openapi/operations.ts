import { REQUEST_STATUSES } from "@/lib/domain/lifecycle";
import { PEOPLE_ACTIONS } from "@/lib/domain/permissions";
import { CONNECTION_METHODS } from "@/lib/domain/plan/plan-types";
import { ENVIRONMENTS } from "@/lib/domain/request-input";
import { DRIFT_FILTERS, EXPIRY_FILTERS, REQUEST_AGES, REQUEST_SORTS } from "@/lib/domain/requests/request-filter";
import { SCENARIOS } from "@/lib/domain/scenario";

import type { ComponentName } from "./component-schemas";

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, schema: object) => ({ description, content: { "application/json": { schema } } });

const ERRORS = {
  400: "The body or a query parameter needs attention; `fields` maps each to its messages",
  401: "No valid API token",
  403: "The policy refuses the caller this operation",
  404: "No such request, or one the caller may not see",
  409: "The request is not in a status for this, or changed since `version`",
  413: "The body is larger than 1 MB",
  429: "Too many requests from this token or address; `Retry-After` says when to try again",
  503: "AWS did not answer (for example STS throttled past its retries): nothing was stored; try again",
} as const;
// Every operation is rate limited, so each can answer 429.
const errors = (...codes: (keyof typeof ERRORS)[]) => Object.fromEntries([...codes, 429 as const].map((c) => [c, json(ERRORS[c], ref("Error"))]));
// Anything but a GET changes something, and a read-only token is refused it before the policy is asked.
const writeErrors = (...codes: (keyof typeof ERRORS)[]) => ({
  ...errors(...codes),
  403: json(`${ERRORS[403]}, or the token is read-only (scope \`read\`): changes need a read and write token`, ref("Error")),
});

const query = (name: string, description: string, schema: object = { type: "string" }) => ({ name, in: "query", required: false, description, schema });
const list = (values: readonly string[]) => ({ type: "string", description: `One or more of ${values.join(", ")}, comma-separated or repeated` });
// An unknown value in any of these is a 400 whose `fields` names the parameter and the values it takes.
const REQUEST_LIST_PARAMETERS = [
  query("q", "Search: `#12` or `12` (request number), `vpc-…` (client VPC), a 12-digit account (client or cluster), else part of a cluster, team or requester name or e-mail"),
  query("status", "Only requests in these statuses", list(REQUEST_STATUSES)),
  query("scenario", "Only these scenarios", list(SCENARIOS)),
  query("method", "Only these connection methods", list(CONNECTION_METHODS)),
  query("environment", "Only these environments", list(ENVIRONMENTS)),
  query("age", "Filed within (24h, 7d, 30d) or before (over-7d, over-30d) that long ago", { type: "string", enum: [...REQUEST_AGES] }),
  query("drift", "Active connections whose last check found drift (`drifted`) or none (`in-sync`)", { type: "string", enum: [...DRIFT_FILTERS] }),
  query("expiring", "Active connections whose end date is within the next 7 days", { type: "string", enum: [...EXPIRY_FILTERS] }),
  query("sort", "`newest` (default), `oldest` or `updated` (recently changed)", { type: "string", enum: [...REQUEST_SORTS] }),
  query("page", "1-based page of 25; past the last page the list is empty and `pages` says how many there are", { type: "integer", minimum: 1 }),
];

const idParam = { name: "id", in: "path", required: true, description: "The request's id", schema: { type: "string" } };

const TRANSITION_TEXT: Record<(typeof PEOPLE_ACTIONS)[number], string> = {
  approve: "Approve a submitted request (not your own); provisioning starts",
  reject: "Reject a submitted request; `comment` (at least 5 characters) says why and goes to the audit",
  cancel: "Cancel your team's submitted request; `comment` (at least 5 characters) says why and goes to the audit",
  retry: "Retry a failed request from the phase it failed in",
  rollback: "Undo what a failed request created; `comment` (at least 5 characters) says why and goes to the audit",
  decommission: "Remove an active connection; `comment` (at least 5 characters) says why and goes to the audit",
  reapply: "Run a drifted connection's altered or missing changes again (operators): its drifted steps and what depends on them, then verify; it is APPROVED until active again",
};

function transitionPath(action: (typeof PEOPLE_ACTIONS)[number]) {
  return {
    post: {
      operationId: `${action}Request`,
      summary: TRANSITION_TEXT[action],
      parameters: [idParam],
      requestBody: { required: false, content: { "application/json": { schema: ref("TransitionBody") } } },
      responses: { 200: json("The request's new status and version", ref("TransitionResult")), ...writeErrors(400, 401, 404, 409, 413) },
    },
  };
}

/** Every /api/v1 operation, keyed as OpenAPI paths. */
export function apiPaths() {
  return {
    "/api/v1/requests": {
      get: {
        operationId: "listRequests",
        summary: "The requests the caller may see, filtered as on the requests page (newest first unless `sort` says otherwise)",
        parameters: REQUEST_LIST_PARAMETERS,
        responses: { 200: json("One page of requests", ref("RequestList")), ...errors(400, 401, 403) },
      },
      post: {
        operationId: "fileRequest",
        summary: "File a request: the same fields and validation as the form",
        requestBody: { required: true, content: { "application/json": { schema: ref("RequestInput") } } },
        responses: {
          201: json("Filed and planned", ref("RequestCreated")),
          ...writeErrors(400, 401, 413, 503),
          409: json("A live request already connects this client to this cluster: `fields.fileAnyway` names it; send `fileAnyway: true` to file anyway", ref("Error")),
        },
      },
    },
    "/api/v1/requests/{id}": {
      get: {
        operationId: "getRequest",
        summary: "One request as its page shows it: plan, preflight, approval, the caller's actions, connection details once active",
        parameters: [idParam],
        responses: { 200: json("The request", ref("RequestDetail")), ...errors(401, 403, 404) },
      },
    },
    ...Object.fromEntries(PEOPLE_ACTIONS.map((action) => [`/api/v1/requests/{id}/${action}`, transitionPath(action)])),
    "/api/v1/requests/{id}/replan": {
      post: {
        operationId: "replanRequest",
        summary: "Plan a submitted request again from AWS as it is now (the request's team or an approver); a plan that cannot be computed is stored as `plan.error`",
        parameters: [idParam],
        responses: { 200: json("The request with its new plan", ref("RequestDetail")), ...writeErrors(401, 404, 409, 503) },
      },
    },
    "/api/v1/requests/{id}/drift-check": {
      post: {
        operationId: "checkRequestDrift",
        summary:
          "Read AWS now for an active connection (the request's team or an operator): every step it made, what it relies on, and, where the platform analyses paths, the path in AWS (which can take a minute or two). The finding is audited only when it changes",
        parameters: [idParam],
        responses: { 200: json("The request; `drift` is null when everything is in place, else its findings", ref("RequestDetail")), ...writeErrors(401, 404, 409) },
      },
    },
    "/api/v1/audit": {
      get: {
        operationId: "listAuditEvents",
        summary: "The audit history, newest first (auditors, approvers, administrators)",
        parameters: [
          query("request", "A request's id or #number"),
          query("actor", "Part of the actor's label"),
          query("action", "Actions starting with this, e.g. request. or step."),
          query("from", "From this date and time (UTC unless it carries an offset)"),
          query("to", "Up to this date and time"),
          query("cursor", "Where the previous page ended: its `nextCursor`; leave out for the newest 50 events"),
        ],
        responses: { 200: json("Up to 50 events, newest first", ref("AuditList")), ...errors(400, 401, 403) },
      },
    },
    "/api/v1/client-checks/script": {
      get: {
        operationId: "getClientCheckScript",
        summary: "The bash script of a client check, for its one-line command: run on the client's host, it checks each broker and reports back",
        security: [{ checkToken: [] }],
        responses: {
          200: { description: "The script", content: { "text/x-shellscript": { schema: { type: "string" } } } },
          401: json("No check token, or one that is unknown, used already, expired, or whose request is no longer active", ref("Error")),
          429: json(ERRORS[429], ref("Error")),
        },
      },
    },
    "/api/v1/client-checks/report": {
      post: {
        operationId: "reportClientCheck",
        summary: "The check script's one report: for each broker and port, the addresses it resolved to, whether TCP connected and TLS completed",
        security: [{ checkToken: [] }],
        requestBody: { required: true, content: { "application/json": { schema: ref("ClientCheckReport") } } },
        responses: {
          200: json("Recorded on the request, as an audit event; the token is spent", ref("ClientCheckRecorded")),
          400: json("Not a report of this check's brokers; `fields` names what is wrong", ref("Error")),
          401: json("No check token, or one that is unknown, used already or expired", ref("Error")),
          413: json("The body is larger than 64 KB", ref("Error")),
          429: json(ERRORS[429], ref("Error")),
        },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document",
        security: [],
        responses: { 200: json("The OpenAPI 3.1 document", {
            type: "object",
            properties: { openapi: { const: "3.1.0" }, paths: { type: "object" } },
            required: ["openapi", "paths"],
          }) },
      },
    },
  };
}
