import type { StepKind } from "@/lib/domain/plan/plan-types";
import { runStep } from "./run-step";
import { settlingSince } from "./settling";
import { stepDefinition } from "./step-definition";
import type { RunnerDeps } from "./runner-deps";
import { loadSteps, recordOf } from "./step-store";

// Steps run one at a time in plan order (the plan is ordered so every dependency comes first). Finished steps
// are skipped, so a resumed run starts at the first unfinished one.
export async function runForward(requestId: string, deps: RunnerDeps): Promise<{ ok: true } | { ok: false; error: string; step: string }> {
  const rows = await loadSteps(requestId);
  const outputs = new Map<string, Record<string, string>>();
  const finished = new Map<string, { kind: StepKind; finishedAt: Date | null }>();
  for (const row of rows) {
    const definition = stepDefinition(row);
    if (row.status === "SUCCEEDED" || row.status === "SKIPPED") {
      outputs.set(row.key, recordOf(row).outputs);
      if (row.status === "SUCCEEDED") finished.set(row.key, { kind: definition.kind, finishedAt: row.finishedAt });
      continue;
    }
    const result = await runStep(row, outputs, deps, settlingSince(definition, finished));
    if (!result.ok) return { ok: false, error: result.error, step: row.key };
    deps.atBoundary?.({ step: row.key, point: "succeeded" });
    outputs.set(row.key, result.record.outputs);
    finished.set(row.key, { kind: definition.kind, finishedAt: new Date() });
  }
  return { ok: true };
}
