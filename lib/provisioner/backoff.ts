export type RunnerLimits = {
  /** Retries of one AWS call that failed with a throttle, 5xx or IncorrectState-style error. */
  maxRetries: number;
  /** First wait, in ms, doubling up to maxDelayMs (with jitter). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a step may stay "waiting" for AWS before the request fails. */
  waitDeadlineMs: number;
  /** Shortest poll interval while waiting, in ms (grows with the wait, up to maxDelayMs; see pollDelay). */
  pollMs: number;
  /**
   * How long after a share, an acceptance or a cluster policy change a dependent step's NotFound or denial is
   * retried as not yet propagated (settling.ts); unset: DEFAULT_SETTLE_WINDOW_MS.
   */
  settleWindowMs?: number;
};

export const DEFAULT_LIMITS: RunnerLimits = {
  maxRetries: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  // MSK multi-VPC connectivity reboots brokers: AWS says 30 minutes or more, hours on large clusters. The
  // servers take PROVISIONER_WAIT_DEADLINE_MINUTES (same default).
  waitDeadlineMs: 240 * 60_000,
  // Peerings leave initiating-request and provisioning about a second after the call.
  pollMs: 200,
};

// The next check of a transition comes this fraction of the time waited so far later.
const POLL_GROWTH = 0.1;

/**
 * How long to sleep before checking again on a transition that has run for `waitedMs`. Proportional to the wait,
 * so the runner notices the end at most ~10% late whether AWS takes one second or thirty minutes, and a long wait
 * costs a few dozen describe calls (a fixed short interval would cost thousands; growing by half each time can be
 * up to 50% late).
 */
export function pollDelay(waitedMs: number, limits: RunnerLimits): number {
  return Math.round(Math.min(limits.maxDelayMs, Math.max(limits.pollMs, waitedMs * POLL_GROWTH)));
}

export function backoffDelay(attempt: number, limits: RunnerLimits): number {
  const exp = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
