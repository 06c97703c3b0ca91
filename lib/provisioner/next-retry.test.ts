import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "./backoff";
import { nextRetry, type RetryContext } from "./next-retry";

const MINUTE = 60_000;
const busy = { kind: "state", code: "IncorrectState", retryable: true } as const;
const throttled = { kind: "throttle", code: "ThrottlingException", retryable: true } as const;
const refused = { kind: "invalid", code: "InvalidParameterValue", retryable: false } as const;
const notYetShared = { kind: "not-found", code: "InvalidTransitGatewayID.NotFound", retryable: false } as const;

const undo = (waitedMs: number): RetryContext => ({ limits: DEFAULT_LIMITS, busy: "wait", waitedMs, now: 0 });
const execute = (settlingSinceMs: number | null, now: number): RetryContext => ({ limits: DEFAULT_LIMITS, busy: "backoff", waitedMs: 0, settlingSinceMs, now });
const counts = (retries: number, settlingRetries = 0) => ({ retries, settlingRetries });

// Undo of multi-VPC connectivity meets a cluster UPDATING for 30 minutes and more (MSK developer guide,
// mvpc-requirements); execute waits up to waitDeadlineMs for it, and so must undo.
describe("the retry policy undo uses", () => {
  it("keeps waiting on a busy resource long after the retry budget is spent, up to the wait deadline", () => {
    expect(nextRetry(busy, counts(DEFAULT_LIMITS.maxRetries + 5), undo(45 * MINUTE))).toEqual({ delayMs: DEFAULT_LIMITS.maxDelayMs, kind: "wait" });
    // Past the deadline it gives up even with retries left: waiting for ever would hang the teardown.
    expect(nextRetry(busy, counts(0), undo(DEFAULT_LIMITS.waitDeadlineMs + 1))).toBeNull();
  });

  it("gives throttles their backoffs and stops at maxRetries", () => {
    expect(nextRetry(throttled, counts(0), undo(0))?.kind).toBe("backoff");
    expect(nextRetry(throttled, counts(DEFAULT_LIMITS.maxRetries), undo(0))).toBeNull();
  });

  it("never retries what AWS refused", () => {
    expect(nextRetry(refused, counts(0), undo(0))).toBeNull();
  });
});

describe("the retry policy execute uses", () => {
  it("spends the retry budget on a busy resource, as on a throttle", () => {
    expect(nextRetry(busy, counts(0), execute(null, 0))?.kind).toBe("backoff");
    expect(nextRetry(busy, counts(DEFAULT_LIMITS.maxRetries), execute(null, 0))).toBeNull();
  });

  it("retries a NotFound right after a share only within the settle window", () => {
    expect(nextRetry(notYetShared, counts(0, 20), execute(1_000, 1_000 + MINUTE))?.kind).toBe("settling");
    expect(nextRetry(notYetShared, counts(0), execute(1_000, 1_000 + 3 * MINUTE))).toBeNull();
    expect(nextRetry(notYetShared, counts(0), execute(null, 0))).toBeNull();
  });
});
