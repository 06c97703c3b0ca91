import { describeAwsError } from "@/lib/aws";
import { executorFor } from "@/lib/aws/steps/step-executor";
import type { PlanStep } from "@/lib/domain/plan/plan-types";

import type { RunnerDeps } from "./runner-deps";
import { finishedStepContext, outputsOf } from "./step-context";
import { loadSteps, recordOf } from "./step-store";

export type VerificationProblem = { step: string; summary: string; problem: string };

// Re-reads AWS for every finished step: the path is only called working when every piece is still there as
// planned (peering active, routes both ways, rule for the ports, attachment associated, …).
export async function verifySteps(requestId: string, deps: RunnerDeps): Promise<VerificationProblem[]> {
  const rows = await loadSteps(requestId);
  const outputs = outputsOf(rows);
  const problems: VerificationProblem[] = [];
  for (const row of rows.filter((r) => r.status === "SUCCEEDED")) {
    const definition = row.definition as unknown as PlanStep;
    try {
      const result = await executorFor(definition.kind).verify(finishedStepContext(row, outputs, deps), recordOf(row));
      if (!result.ok) problems.push({ step: row.key, summary: definition.summary, problem: result.problem });
    } catch (error) {
      problems.push({ step: row.key, summary: definition.summary, problem: `could not be checked: ${describeAwsError(error).message}` });
    }
  }
  return problems;
}
