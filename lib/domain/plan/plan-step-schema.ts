import { z } from "zod";

import { STEP_KINDS, type PlanStep } from "./plan-types";

const sdkInput = z.record(z.string(), z.unknown());

/** A stored step definition: what the planner wrote, checked field by field before a runner acts on it. */
export const planStepSchema = z.object({
  key: z.string().min(1),
  kind: z.enum(STEP_KINDS),
  account: z.string(),
  region: z.string(),
  command: z.string().min(1),
  input: sdkInput,
  dependsOn: z.array(z.string()),
  creates: z.object({ type: z.string(), ref: z.string().optional() }).nullable(),
  undo: z.object({ command: z.string(), input: sdkInput }).nullable(),
  summary: z.string(),
}) satisfies z.ZodType<PlanStep>;
