import { describeAwsError } from "../../aws-errors";
import { type StepContext, type StepExecutor, type StepRecord, type VerifyResult } from "../step-executor";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the runner does with retryable errors: wait and call again. */
async function retrying<T>(what: string, fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (!describeAwsError(error).retryable || Date.now() - start > timeoutMs) throw error;
      await sleep(20);
    }
  }
}

/** The runner's loop in small: re-call execute on "waiting" with the record it returned, until done. */
export async function executeUntilDone(executor: StepExecutor, ctx: StepContext, timeoutMs = 10_000): Promise<StepRecord> {
  const start = Date.now();
  let previous = ctx.previous;
  for (;;) {
    const result = await retrying("execute", () => executor.execute({ ...ctx, previous }), timeoutMs);
    if (result.status === "done") return result.record;
    previous = result.record;
    if (Date.now() - start > timeoutMs) throw new Error(`${ctx.step.key} still waiting: ${result.reason}`);
    await sleep(20);
  }
}

export function undoUntilDone(executor: StepExecutor, ctx: StepContext, record: StepRecord, timeoutMs = 10_000) {
  return retrying("undo", () => executor.undo(ctx, record), timeoutMs);
}

export function verify(executor: StepExecutor, ctx: StepContext, record: StepRecord): Promise<VerifyResult> {
  return executor.verify(ctx, record);
}

/** Polls verify until it reports a problem (deletions in AWS take a moment). */
export async function verifyFails(executor: StepExecutor, ctx: StepContext, record: StepRecord, timeoutMs = 5_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const result = await verify(executor, ctx, record);
    if (!result.ok) return result.problem;
    if (Date.now() - start > timeoutMs) throw new Error(`${ctx.step.key} still verifies after undo`);
    await sleep(20);
  }
}
