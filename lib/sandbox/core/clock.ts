/**
 * Time in the sandbox: real wall-clock time, with AWS's delays multiplied by `timeScale`.
 * Slow transitions store the moment they become due, so state is a function of the clock
 * and nothing needs a timer.
 */
export type Clock = {
  now(): number;
  timeScale: number;
};

export function systemClock(timeScale: number): Clock {
  return { now: () => Date.now(), timeScale };
}

/** When something that takes `awsDelayMs` in AWS becomes due, starting now. */
export function dueAfter(clock: Clock, awsDelayMs: number): number {
  return clock.now() + Math.round(awsDelayMs * clock.timeScale);
}

/** AWS's delays, in real milliseconds before scaling. */
export const AWS_DELAYS = {
  peeringInitiate: 1_000,
  peeringProvision: 1_000,
  peeringExpiry: 7 * 24 * 60 * 60 * 1_000,
  tgwAttachment: 60_000,
  tgwAttachmentDelete: 30_000,
  mskConnectivityUpdate: 180_000,
  mskVpcConnection: 60_000,
  mskVpcConnectionDelete: 30_000,
  // A Reachability Analyzer analysis usually answers within a minute or two.
  pathAnalysis: 60_000,
} as const;
