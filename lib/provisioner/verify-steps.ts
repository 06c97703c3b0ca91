import { describeAwsError } from "@/lib/aws";
import { executorFor } from "@/lib/aws/steps/step-executor";

import type { RunnerDeps } from "./runner-deps";
import { stepDefinition } from "./step-definition";
import { finishedStepContext, outputsOf } from "./step-context";
import { loadSteps, recordOf } from "./step-store";

export type VerificationProblem = { step: string; summary: string; problem: string };

// Re-reads AWS for every finished step: the path is only called working when every piece is still there as
// planned (peering active, routes both ways, rule for the ports, attachment associated, …).
export async function verifySteps(requestId: string, deps: RunnerDeps): Promise<VerificationProblem[]> {
  const rows = await loadSteps(requestId);
  const outputs = outputsOf(rows);
  // Checks only read AWS, so they run side by side; the SDK's adaptive retry paces them if AWS throttles.
  const results = await Promise.all(
    rows
      .filter((r) => r.status === "SUCCEEDED")
      .map(async (row): Promise<VerificationProblem | null> => {
        const definition = stepDefinition(row);
        try {
          const result = await executorFor(definition.kind).verify(finishedStepContext(row, outputs, deps), recordOf(row));
          return result.ok ? null : { step: row.key, summary: definition.summary, problem: result.problem };
        } catch (error) {
          return { step: row.key, summary: definition.summary, problem: `could not be checked: ${describeAwsError(error).message}` };
        }
      }),
  );
  return results.filter((p): p is VerificationProblem => p !== null);
}
