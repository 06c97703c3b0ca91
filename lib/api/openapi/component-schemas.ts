import { z } from "zod";

import { checkReportSchema } from "@/lib/domain/client-check/check-report";
import { requestBodySchema } from "@/lib/domain/request-input";

import { auditEventJsonSchema, auditListJsonSchema } from "../schemas/audit-schema";
import { clientCheckRecordedJsonSchema } from "../schemas/client-check-schema";
import { errorJsonSchema } from "../schemas/common";
import { requestDetailJsonSchema } from "../schemas/request-detail-schema";
import { requestCreatedJsonSchema, requestListJsonSchema, requestSummaryJsonSchema, transitionResultJsonSchema } from "../schemas/request-summary-schema";
import { transitionBodySchema } from "../schemas/transition-body-schema";

type JsonSchema = Record<string, unknown>;

// What the API answers, documented from the very schemas its responses are typed with.
const RESPONSES = {
  Error: errorJsonSchema,
  RequestSummary: requestSummaryJsonSchema,
  RequestList: requestListJsonSchema,
  RequestCreated: requestCreatedJsonSchema,
  RequestDetail: requestDetailJsonSchema,
  TransitionResult: transitionResultJsonSchema,
  AuditEvent: auditEventJsonSchema,
  AuditList: auditListJsonSchema,
  ClientCheckRecorded: clientCheckRecordedJsonSchema,
};

// What it accepts: the form's own validation (messages and refinements beyond JSON Schema are the API's 400s).
const BODIES = {
  RequestInput: requestBodySchema,
  TransitionBody: transitionBodySchema,
  ClientCheckReport: checkReportSchema,
};

export type ComponentName = keyof typeof RESPONSES | keyof typeof BODIES;

function toComponents(schemas: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: out } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: "throw" });
  // Each comes out as a document of its own; inside OpenAPI's components they are plain subschemas.
  return Object.fromEntries(
    Object.entries(out).map(([id, schema]) => [id, Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$id" && key !== "$schema"))]),
  );
}

export function componentSchemas(): Record<string, JsonSchema> {
  return { ...toComponents(RESPONSES, "output"), ...toComponents(BODIES, "input") };
}
