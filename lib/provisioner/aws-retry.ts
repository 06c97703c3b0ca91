import { describeAwsError, type AwsErrorInfo } from "@/lib/aws";

import { pollDelay, sleep, type RunnerLimits } from "./backoff";
import { nextRetry, type NextRetry, type RetryContext } from "./next-retry";

/** One try: done, or AWS still moving something (checked again after a poll interval). */
export type AwsAttempt<T> = { status: "done"; value: T } | { status: "waiting"; reason: string };

export type AwsRetryOptions = Pick<RetryContext, "busy" | "settlingSinceMs"> & {
  limits: RunnerLimits;
  /** When the waiting began (ms since epoch): a resumed step keeps the clock of its first start. */
  startedAt: number;
  /** Told before each sleep after an error, e.g. to count the attempt on the step. */
  onRetry?: (retry: { info: AwsErrorInfo; kind: NextRetry["kind"]; count: number }) => Promise<void>;
};

export type AwsRetryFailure = { kind: "error"; error: unknown; info: AwsErrorInfo } | { kind: "gave-up-waiting"; reason: string };
export type AwsRetryResult<T> = { ok: true; value: T } | { ok: false; failure: AwsRetryFailure };

// The one loop around AWS calls that the runner and undo share: errors AWS says are worth another try are
// retried (nextRetry), and "still moving" results are polled up to the wait deadline.
export async function withAwsRetry<T>(attempt: () => Promise<AwsAttempt<T>>, options: AwsRetryOptions): Promise<AwsRetryResult<T>> {
  const { limits } = options;
  const counts = { retries: 0, settlingRetries: 0 };
  for (;;) {
    try {
      const result = await attempt();
      if (result.status === "done") return { ok: true, value: result.value };
      const waited = Date.now() - options.startedAt;
      if (waited > limits.waitDeadlineMs) return { ok: false, failure: { kind: "gave-up-waiting", reason: result.reason } };
      await sleep(pollDelay(waited, limits));
    } catch (error) {
      const info = describeAwsError(error);
      const now = Date.now();
      const next = nextRetry(info, counts, { ...options, waitedMs: now - options.startedAt, now });
      if (!next) return { ok: false, failure: { kind: "error", error, info } };
      if (next.kind === "backoff") counts.retries += 1;
      if (next.kind === "settling") counts.settlingRetries += 1;
      await options.onRetry?.({ info, kind: next.kind, count: next.kind === "settling" ? counts.settlingRetries : counts.retries });
      await sleep(next.delayMs);
    }
  }
}
