import { executorFor, type StepContext, type StepRecord } from "@/lib/aws/steps/step-executor";
import { logger } from "@/lib/log/logger";
import { portalMetrics } from "@/lib/metrics/portal-metrics";

import { withAwsRetry, type AwsAttempt } from "./aws-retry";
import { resolveRefs, type StepOutputs } from "./resolve-refs";
import { stepDefinition } from "./step-definition";
import type { RunnerDeps } from "./runner-deps";
import { hasRecord, recordOf, saveProgress, updateStep, type StepRow } from "./step-store";

export type StepRunResult = { ok: true; record: StepRecord } | { ok: false; error: string };

// Runs one step to completion: retries what AWS says is worth retrying, polls while AWS transitions, and
// records every created id before the next call. A crash at any point leaves a row that the next run resumes.
export async function runStep(
  row: StepRow,
  outputs: StepOutputs,
  deps: RunnerDeps,
  /** When the latest share / acceptance / policy change this step depends on finished (settling.ts). */
  settlingSinceMs: number | null = null,
): Promise<StepRunResult> {
  const definition = stepDefinition(row);
  // This run's time, not the step's since its first start: a resumed step is timed from the resume.
  const stopTimer = portalMetrics().stepDuration.startTimer({ kind: definition.kind });
  const result = await runStepOnce(row, definition, outputs, deps, settlingSinceMs);
  const outcome = result.ok ? "succeeded" : "gaveUp" in result ? "gave-up-waiting" : "failed";
  stopTimer({ outcome });
  logger().info({ accessRequestId: row.requestId, step: row.key, kind: definition.kind, outcome }, "step finished");
  return result.ok ? result : { ok: false, error: result.error };
}

async function runStepOnce(
  row: StepRow,
  definition: ReturnType<typeof stepDefinition>,
  outputs: StepOutputs,
  deps: RunnerDeps,
  settlingSinceMs: number | null,
): Promise<StepRunResult | { ok: false; error: string; gaveUp: true }> {
  const started = row.startedAt ?? new Date();
  await updateStep(
    row,
    { status: "RUNNING", startedAt: started, attempts: { increment: 1 } },
    { action: row.startedAt ? "step.resume" : "step.start", details: { summary: definition.summary } },
  );
  deps.atBoundary?.({ step: row.key, point: "started" });
  let record: StepRecord | null = hasRecord(row) ? recordOf(row) : null;
  const outcome = await withAwsRetry(
    async (): Promise<AwsAttempt<StepRecord>> => {
      const ctx: StepContext = {
        access: deps.access,
        requestId: row.requestId,
        step: { ...definition, input: resolveRefs(definition.input, outputs) },
        tagKeys: deps.tagKeys,
        previous: record,
        record: async (progress) => {
          record = progress;
          await saveProgress(row, progress);
        },
      };
      const result = await executorFor(definition.kind).execute(ctx);
      record = result.record;
      if (result.status === "done") return { status: "done", value: result.record };
      await saveProgress(row, result.record, { waitingFor: result.reason });
      return { status: "waiting", reason: result.reason };
    },
    {
      limits: deps.limits,
      startedAt: started.getTime(),
      busy: "backoff",
      settlingSinceMs,
      onRetry: ({ info, kind, count }) =>
        updateStep(
          row,
          { attempts: { increment: 1 } },
          { action: "step.retry", details: { code: info.code, message: info.message, ...(kind === "settling" ? { settling: true } : { retry: count }) } },
        ),
    },
  );
  if (outcome.ok) {
    await saveProgress(row, outcome.value);
    await updateStep(
      row,
      { status: "SUCCEEDED", finishedAt: new Date(), waitingFor: null, error: null },
      { action: "step.succeed", resourceIds: outcome.value.created.map((c) => c.id), details: { outputs: outcome.value.outputs } },
    );
    return { ok: true, record: outcome.value };
  }
  const { failure } = outcome;
  if (failure.kind === "gave-up-waiting") {
    const failed = await fail(row, `Gave up after ${Math.round(deps.limits.waitDeadlineMs / 60_000)} minutes waiting: ${failure.reason}`);
    return { ...failed, gaveUp: true };
  }
  const { error, info } = failure;
  if (!info.requestId && !(error instanceof Error && "$metadata" in error)) deps.log(`step ${row.key} failed: ${String(error)}`);
  return fail(row, `${info.message} (${info.code})${info.requestId ? ` [request id ${info.requestId}]` : ""}`);
}

async function fail(row: StepRow, message: string): Promise<{ ok: false; error: string }> {
  await updateStep(row, { status: "FAILED", error: message, finishedAt: new Date(), waitingFor: null }, { action: "step.fail", details: { error: message } });
  return { ok: false, error: message };
}
