import type { AwsErrorInfo } from "@/lib/aws";
import { backoffDelay, pollDelay, type RunnerLimits } from "./backoff";

/**
 * How long undo sleeps before calling again, or null to give up. AWS still moving something (an MSK cluster
 * UPDATING for 30 minutes and more) is waited for as long as execute waits, up to waitDeadlineMs; throttles
 * and 5xx keep the retry budget of maxRetries backoffs.
 */
export function nextUndoDelay(info: Pick<AwsErrorInfo, "kind" | "retryable">, waitedMs: number, retries: number, limits: RunnerLimits): number | null {
  if (info.kind === "state" && waitedMs <= limits.waitDeadlineMs) return pollDelay(waitedMs, limits);
  if (info.retryable && retries < limits.maxRetries) return backoffDelay(retries + 1, limits);
  return null;
}
