import type { z } from "zod";
import type { PlanStep } from "@/lib/domain/plan";

/** The planner's SDK input, checked: a $ref the runner left unresolved shows up here, not as an AWS 400. */
export function parseInput<S extends z.ZodType>(step: PlanStep, schema: S): z.infer<S> {
  const parsed = schema.safeParse(step.input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
  throw new Error(`Step ${step.key} (${step.kind}) has an input the executor cannot use: ${issues}`);
}
