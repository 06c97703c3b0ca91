import type { StepContext } from "@/lib/aws/steps/step-executor";

import { resolveRefs } from "./resolve-refs";
import type { RunnerDeps } from "./runner-deps";
import { stepDefinition } from "./step-definition";
import { recordOf, saveProgress, type StepRow } from "./step-store";

// The context for verify and undo of a finished step: its input resolved from what the earlier steps produced.
export function finishedStepContext(row: StepRow, outputs: ReadonlyMap<string, Record<string, string>>, deps: RunnerDeps): StepContext {
  const definition = stepDefinition(row);
  let input = definition.input;
  try {
    input = resolveRefs(definition.input, outputs);
  } catch {
    // An undo after a half-finished run may meet references to steps that never ran; the executor works
    // from the step's own record then.
  }
  return {
    access: deps.access,
    requestId: row.requestId,
    step: { ...definition, input },
    tagKeys: deps.tagKeys,
    previous: recordOf(row),
    record: (progress) => saveProgress(row, progress),
  };
}

export function outputsOf(rows: StepRow[]): Map<string, Record<string, string>> {
  return new Map(rows.map((r) => [r.key, recordOf(r).outputs]));
}
