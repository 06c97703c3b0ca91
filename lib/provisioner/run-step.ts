import { describeAwsError } from "@/lib/aws";
import { executorFor, type StepContext, type StepRecord } from "@/lib/aws/steps/step-executor";
import type { PlanStep } from "@/lib/domain/plan/plan-types";

import { backoffDelay, pollDelay, sleep } from "./backoff";
import { resolveRefs, type StepOutputs } from "./resolve-refs";
import { DEFAULT_SETTLE_WINDOW_MS, stillSettling } from "./settling";
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
  const definition = row.definition as unknown as PlanStep;
  const started = row.startedAt ?? new Date();
  await updateStep(
    row,
    { status: "RUNNING", startedAt: started, attempts: { increment: 1 } },
    { action: row.startedAt ? "step.resume" : "step.start", details: { summary: definition.summary } },
  );
  deps.atBoundary?.({ step: row.key, point: "started" });
  let record: StepRecord | null = hasRecord(row) ? recordOf(row) : null;
  let retries = 0;
  let settlingRetries = 0;
  for (;;) {
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
    try {
      const result = await executorFor(definition.kind).execute(ctx);
      record = result.record;
      if (result.status === "done") {
        await saveProgress(row, result.record);
        await updateStep(
          row,
          { status: "SUCCEEDED", finishedAt: new Date(), waitingFor: null, error: null },
          { action: "step.succeed", resourceIds: result.record.created.map((c) => c.id), details: { outputs: result.record.outputs } },
        );
        return { ok: true, record: result.record };
      }
      await saveProgress(row, result.record, { waitingFor: result.reason });
      if (Date.now() - started.getTime() > deps.limits.waitDeadlineMs) {
        return fail(row, `Gave up after ${Math.round(deps.limits.waitDeadlineMs / 60_000)} minutes waiting: ${result.reason}`);
      }
      await sleep(pollDelay(Date.now() - started.getTime(), deps.limits));
    } catch (error) {
      const info = describeAwsError(error);
      if (info.retryable && retries < deps.limits.maxRetries) {
        retries += 1;
        await updateStep(row, { attempts: { increment: 1 } }, { action: "step.retry", details: { code: info.code, message: info.message, retry: retries } });
        await sleep(backoffDelay(retries, deps.limits));
        continue;
      }
      // Bounded by the window, not by maxRetries: the change may take a while to reach this account.
      if (stillSettling(info, settlingSinceMs, Date.now(), deps.limits.settleWindowMs ?? DEFAULT_SETTLE_WINDOW_MS)) {
        settlingRetries += 1;
        await updateStep(row, { attempts: { increment: 1 } }, { action: "step.retry", details: { code: info.code, message: info.message, settling: true } });
        await sleep(backoffDelay(Math.min(settlingRetries, 8), deps.limits));
        continue;
      }
      if (!info.requestId && !(error instanceof Error && "$metadata" in error)) deps.log(`step ${row.key} failed: ${String(error)}`);
      return fail(row, `${info.message} (${info.code})${info.requestId ? ` [request id ${info.requestId}]` : ""}`);
    }
  }
}

async function fail(row: StepRow, message: string): Promise<StepRunResult> {
  await updateStep(row, { status: "FAILED", error: message, finishedAt: new Date(), waitingFor: null }, { action: "step.fail", details: { error: message } });
  return { ok: false, error: message };
}
