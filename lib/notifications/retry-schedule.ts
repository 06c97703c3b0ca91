/** How often a delivery is tried before it is marked failed (and kept for an administrator to send again). */
export const MAX_DELIVERY_ATTEMPTS = 10;

// 30 s after the first failure, doubling to at most an hour: ten attempts cover about five hours of a
// receiver being down, which rides out a deploy or an outage of a chat service.
export function nextAttemptDelayMs(attemptsSoFar: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attemptsSoFar - 1), 60 * 60_000);
}
