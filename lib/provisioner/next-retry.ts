import type { AwsErrorInfo } from "@/lib/aws";

import { backoffDelay, pollDelay, type RunnerLimits } from "./backoff";
import { DEFAULT_SETTLE_WINDOW_MS, stillSettling } from "./settling";

export type RetryCounts = { retries: number; settlingRetries: number };

export type RetryContext = {
  limits: RunnerLimits;
  /**
   * What an IncorrectState-style error gets. "backoff": the retry budget, like a throttle (execute, where a
   * long AWS transition shows as a "waiting" result instead). "wait": polled like a transition up to the wait
   * deadline, whatever the budget (undo meets an MSK cluster UPDATING for 30 minutes and more).
   */
  busy: "backoff" | "wait";
  waitedMs: number;
  /** When the share / acceptance / policy change the call depends on finished (settling.ts), or null. */
  settlingSinceMs?: number | null;
  now: number;
};

export type NextRetry = { delayMs: number; kind: "backoff" | "settling" | "wait" };

/** How long to sleep before calling AWS again after this error, and which budget it spends; null to give up. */
export function nextRetry(info: Pick<AwsErrorInfo, "kind" | "code" | "retryable">, counts: RetryCounts, ctx: RetryContext): NextRetry | null {
  const { limits } = ctx;
  if (ctx.busy === "wait" && info.kind === "state") {
    return ctx.waitedMs <= limits.waitDeadlineMs ? { delayMs: pollDelay(ctx.waitedMs, limits), kind: "wait" } : null;
  }
  if (info.retryable && counts.retries < limits.maxRetries) return { delayMs: backoffDelay(counts.retries + 1, limits), kind: "backoff" };
  // Bounded by the window, not by maxRetries: the change may take a while to reach this account.
  if (stillSettling(info, ctx.settlingSinceMs ?? null, ctx.now, limits.settleWindowMs ?? DEFAULT_SETTLE_WINDOW_MS)) {
    return { delayMs: backoffDelay(Math.min(counts.settlingRetries + 1, 8), limits), kind: "settling" };
  }
  return null;
}
