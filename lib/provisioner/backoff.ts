export type RunnerLimits = {
  /** Retries of one AWS call that failed with a throttle, 5xx or IncorrectState-style error. */
  maxRetries: number;
  /** First wait, in ms, doubling up to maxDelayMs (with jitter). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a step may stay "waiting" for AWS before the request fails. */
  waitDeadlineMs: number;
  /** Poll interval while waiting, in ms (grows to maxDelayMs). */
  pollMs: number;
};

export const DEFAULT_LIMITS: RunnerLimits = {
  maxRetries: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  // MSK multi-VPC connectivity reboots brokers: AWS says 30 minutes or more.
  waitDeadlineMs: 90 * 60_000,
  pollMs: 2_000,
};

export function backoffDelay(attempt: number, limits: RunnerLimits): number {
  const exp = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
