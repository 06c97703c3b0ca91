import { isRef, parseRef, type ConnectionPlan, type PlanStep } from "@/lib/domain/plan";
import type { AwsAccess } from "../../aws-access";
import { executorFor, type StepRecord } from "../step-executor";
import { executeUntilDone, undoUntilDone, verify } from "./drive";
import { testContext } from "./step-context";

/** `{ $ref: "<step>.<output>" }` replaced by what that step recorded; "cluster.*" is left for the executor. */
export function resolveRefs(value: unknown, records: ReadonlyMap<string, StepRecord>): unknown {
  if (isRef(value)) {
    const { stepKey, output } = parseRef(value);
    if (stepKey === "cluster") return value;
    const resolved = records.get(stepKey)?.outputs[output];
    if (resolved === undefined) throw new Error(`Nothing recorded for ${value.$ref}`);
    return resolved;
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, records));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(v, records)]));
  }
  return value;
}

function resolvedStep(step: PlanStep, records: ReadonlyMap<string, StepRecord>): PlanStep {
  return { ...step, input: resolveRefs(step.input, records) as Record<string, unknown> };
}

/** The runner in small: steps in order, $refs from earlier outputs, "waiting" re-called after a pause. */
export async function runPlan(access: AwsAccess, plan: ConnectionPlan, requestId: string): Promise<Map<string, StepRecord>> {
  const records = new Map<string, StepRecord>();
  for (const step of plan.steps) {
    const ctx = testContext(access, resolvedStep(step, records), { requestId });
    records.set(step.key, await executeUntilDone(executorFor(step.kind), ctx, 20_000));
  }
  return records;
}

/** Final verification: every step's verify, as the runner's VERIFYING phase does. */
export async function verifyPlan(access: AwsAccess, plan: ConnectionPlan, requestId: string, records: ReadonlyMap<string, StepRecord>) {
  const problems: string[] = [];
  for (const step of plan.steps) {
    const record = records.get(step.key);
    if (!record) continue;
    const result = await verify(executorFor(step.kind), testContext(access, resolvedStep(step, records), { requestId }), record);
    if (!result.ok) problems.push(`${step.key}: ${result.problem}`);
  }
  return problems;
}

/** Rollback: every step's undo in reverse order; `onError` may accept a known failure. */
export async function undoPlan(
  access: AwsAccess,
  plan: ConnectionPlan,
  requestId: string,
  records: ReadonlyMap<string, StepRecord>,
  onError: (step: PlanStep, error: unknown) => void = (_s, e) => {
    throw e;
  },
): Promise<void> {
  for (const step of [...plan.steps].reverse()) {
    const record = records.get(step.key);
    if (!record) continue;
    try {
      await undoUntilDone(executorFor(step.kind), testContext(access, resolvedStep(step, records), { requestId }), record, 20_000);
    } catch (error) {
      onError(step, error);
    }
  }
}
