import { describeAwsError } from "@/lib/aws";
import { executorFor } from "@/lib/aws/steps/step-executor";
import type { PlanStep } from "@/lib/domain/plan/plan-types";

import { sleep } from "./backoff";
import type { RunnerDeps } from "./runner-deps";
import { finishedStepContext, outputsOf } from "./step-context";
import { stillUsedBy } from "./still-used-by";
import { nextUndoDelay } from "./undo-retry";
import { loadSteps, recordOf, updateStep, type StepRow } from "./step-store";

// Teardown: in reverse order, remove exactly what each step recorded as created — never a route, rule or
// peering that was there before, and not a shared resource another live request still uses.
export async function undoSteps(requestId: string, deps: RunnerDeps): Promise<{ ok: true } | { ok: false; error: string; step: string }> {
  const rows = await loadSteps(requestId);
  const outputs = outputsOf(rows);
  for (const row of [...rows].reverse()) {
    if (row.status === "UNDONE" || row.status === "SKIPPED") continue;
    const record = recordOf(row);
    if (record.created.length === 0) {
      if (row.status !== "PENDING") await updateStep(row, { status: "UNDONE" }, { action: "step.undo", details: { note: "created nothing" } });
      continue;
    }
    const users = await Promise.all(record.created.map((c) => stillUsedBy(requestId, c.id)));
    const user = users.find((u) => u !== null);
    if (user !== undefined && user !== null) {
      await updateStep(
        row,
        { status: "SKIPPED", error: `Kept: still used by request #${user}` },
        { action: "step.keep", resourceIds: record.created.map((c) => c.id), details: { usedBy: user } },
      );
      continue;
    }
    const result = await undoStepRow(row, outputs, deps);
    if (!result.ok) return { ok: false, error: result.error, step: row.key };
    deps.atBoundary?.({ step: row.key, point: "undone" });
  }
  return { ok: true };
}

export async function undoStepRow(row: StepRow, outputs: Map<string, Record<string, string>>, deps: RunnerDeps): Promise<{ ok: true } | { ok: false; error: string }> {
  const definition = row.definition as unknown as PlanStep;
  const record = recordOf(row);
  await updateStep(row, { status: "UNDOING" });
  const started = Date.now();
  for (let retries = 0; ; ) {
    try {
      const { requestIds } = await executorFor(definition.kind).undo(finishedStepContext(row, outputs, deps), record);
      await updateStep(
        row,
        { status: "UNDONE", awsRequestIds: [...new Set([...row.awsRequestIds, ...requestIds])], error: null },
        { action: "step.undo", resourceIds: record.created.map((c) => c.id) },
      );
      return { ok: true };
    } catch (error) {
      const info = describeAwsError(error);
      const delay = nextUndoDelay(info, Date.now() - started, retries, deps.limits);
      if (delay !== null) {
        if (info.kind !== "state") retries += 1;
        await sleep(delay);
        continue;
      }
      const message = `Undo failed: ${info.message} (${info.code})`;
      await updateStep(row, { status: "FAILED", error: message }, { action: "step.undo-fail", details: { error: message } });
      return { ok: false, error: message };
    }
  }
}
