import { runStep } from "./run-step";
import type { RunnerDeps } from "./runner-deps";
import { loadSteps, recordOf } from "./step-store";

// Steps run one at a time in plan order (the plan is ordered so every dependency comes first). Finished steps
// are skipped, so a resumed run starts at the first unfinished one.
export async function runForward(requestId: string, deps: RunnerDeps): Promise<{ ok: true } | { ok: false; error: string; step: string }> {
  const rows = await loadSteps(requestId);
  const outputs = new Map<string, Record<string, string>>();
  for (const row of rows) {
    if (row.status === "SUCCEEDED" || row.status === "SKIPPED") {
      outputs.set(row.key, recordOf(row).outputs);
      continue;
    }
    const result = await runStep(row, outputs, deps);
    if (!result.ok) return { ok: false, error: result.error, step: row.key };
    deps.atBoundary?.({ step: row.key, point: "succeeded" });
    outputs.set(row.key, result.record.outputs);
  }
  return { ok: true };
}
