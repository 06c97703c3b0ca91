import { executorFor } from "@/lib/aws/steps/step-executor";

import { withAwsRetry } from "./aws-retry";
import { stepDefinition } from "./step-definition";
import type { RunnerDeps } from "./runner-deps";
import { finishedStepContext, outputsOf } from "./step-context";
import { stillUsedBy } from "./still-used-by";
import { loadSteps, recordOf, updateStep, type StepRow } from "./step-store";

// Teardown: in reverse order, remove exactly what each step recorded as created — never a route, rule or
// peering that was there before, and not a resource another request still holds a claim on.
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
    const ids = record.created.map((c) => c.id);
    const user = await stillUsedBy(requestId, ids);
    if (user !== null) {
      await updateStep(row, { status: "SKIPPED", error: keptLabel(user) }, { action: "step.keep", resourceIds: ids, details: { usedBy: user } });
      continue;
    }
    const result = await undoStepRow(row, outputs, deps);
    if (!result.ok) return { ok: false, error: result.error, step: row.key };
    deps.atBoundary?.({ step: row.key, point: "undone" });
  }
  return { ok: true };
}

/** Stored as the kept step's error; the request page shows it as the step's outcome. */
export function keptLabel(requestNumber: number): string {
  return `Kept: used by #${requestNumber}`;
}

export async function undoStepRow(
  row: StepRow,
  outputs: Map<string, Record<string, string>>,
  deps: RunnerDeps,
): Promise<{ ok: true; kept?: string } | { ok: false; error: string }> {
  const definition = stepDefinition(row);
  const record = recordOf(row);
  await updateStep(row, { status: "UNDOING" });
  const outcome = await withAwsRetry(
    async () => ({ status: "done" as const, value: await executorFor(definition.kind).undo(finishedStepContext(row, outputs, deps), record) }),
    { limits: deps.limits, startedAt: Date.now(), busy: "wait" },
  );
  if (!outcome.ok) {
    const { failure } = outcome;
    const message = failure.kind === "error" ? `Undo failed: ${failure.info.message} (${failure.info.code})` : `Undo failed: gave up waiting: ${failure.reason}`;
    await updateStep(row, { status: "FAILED", error: message }, { action: "step.undo-fail", details: { error: message } });
    return { ok: false, error: message };
  }
  const { requestIds, kept } = outcome.value;
  const awsRequestIds = [...new Set([...row.awsRequestIds, ...requestIds])];
  if (kept) {
    // Others in AWS still use what the step made (another account's VPC connections on a scheme): it stays,
    // and the step says so instead of claiming it was removed.
    await updateStep(
      row,
      { status: "SKIPPED", awsRequestIds, error: `Kept: ${kept}` },
      { action: "step.keep", resourceIds: record.created.map((c) => c.id), details: { kept } },
    );
    return { ok: true, kept };
  }
  await updateStep(row, { status: "UNDONE", awsRequestIds, error: null }, { action: "step.undo", resourceIds: record.created.map((c) => c.id) });
  return { ok: true };
}
