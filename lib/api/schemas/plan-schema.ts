import { z } from "zod";

import { CONNECTION_METHODS, STEP_KINDS } from "@/lib/domain/plan/plan-types";

export const STEP_STATUSES = ["PENDING", "RUNNING", "SUCCEEDED", "FAILED", "SKIPPED", "UNDOING", "UNDONE"] as const;

export const preflightFindingJsonSchema = z.object({
  severity: z.enum(["block", "warn", "info"]).meta({ description: "block: the plan cannot be approved until it is resolved" }),
  code: z.string(),
  message: z.string(),
  remedy: z.string(),
  rule: z.string().nullable().meta({ description: "The AWS rule behind the finding, where there is one" }),
});

const createdResourceJsonSchema = z.object({ type: z.string(), id: z.string(), account: z.string(), region: z.string() });

/** Where a step stands once the request is approved: null before, when no step has been recorded yet. */
const stepProgressJsonSchema = z.object({
  status: z.enum(STEP_STATUSES),
  attempts: z.number().int(),
  error: z.string().nullable(),
  waitingFor: z.string().nullable().meta({ description: "What a running step waits for (an acceptance, an attachment becoming available, …)" }),
  createdResources: z.array(createdResourceJsonSchema),
  outcome: z.string().nullable().meta({ description: "Once rolled back or decommissioned: removed, nothing to remove, never ran, kept: used by #n" }),
});

export const planStepJsonSchema = z.object({
  key: z.string(),
  kind: z.enum(STEP_KINDS),
  account: z.string(),
  region: z.string(),
  command: z.string().meta({ description: "The AWS SDK command the step sends" }),
  input: z.record(z.string(), z.unknown()).meta({ description: "The command's input; { \"$ref\": \"<step>.<output>\" } is a value an earlier step produces" }),
  dependsOn: z.array(z.string()),
  summary: z.string(),
  progress: stepProgressJsonSchema.nullable(),
});

export const planJsonSchema = z.discriminatedUnion("state", [
  z.object({
    state: z.literal("computed"),
    computedAt: z.iso.datetime(),
    method: z.enum(CONNECTION_METHODS),
    ports: z.array(z.number().int()),
    preflight: z.array(preflightFindingJsonSchema),
    steps: z.array(planStepJsonSchema),
  }),
  z.object({
    state: z.literal("failed"),
    computedAt: z.iso.datetime(),
    error: z.object({ message: z.string(), field: z.string().nullable() }).meta({ description: "Why the plan could not be computed" }),
  }),
  z.object({ state: z.literal("none") }),
]);
