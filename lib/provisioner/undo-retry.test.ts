import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "./backoff";
import { nextUndoDelay } from "./undo-retry";

const MINUTE = 60_000;
const busy = { kind: "state", retryable: true } as const;
const throttled = { kind: "throttle", retryable: true } as const;
const refused = { kind: "invalid", retryable: false } as const;

// Undo of multi-VPC connectivity meets a cluster UPDATING for 30 minutes and more (MSK developer guide,
// mvpc-requirements); execute waits up to waitDeadlineMs for it, and so must undo.
describe("nextUndoDelay", () => {
  it("keeps waiting on a busy resource long after the retry budget is spent, up to the wait deadline", () => {
    expect(nextUndoDelay(busy, 45 * MINUTE, DEFAULT_LIMITS.maxRetries + 5, DEFAULT_LIMITS)).toBe(DEFAULT_LIMITS.maxDelayMs);
    expect(nextUndoDelay(busy, DEFAULT_LIMITS.waitDeadlineMs + 1, DEFAULT_LIMITS.maxRetries, DEFAULT_LIMITS)).toBeNull();
  });

  it("gives throttles their backoffs and stops at maxRetries", () => {
    expect(nextUndoDelay(throttled, 0, 0, DEFAULT_LIMITS)).toBeGreaterThan(0);
    expect(nextUndoDelay(throttled, 0, DEFAULT_LIMITS.maxRetries, DEFAULT_LIMITS)).toBeNull();
  });

  it("never retries what AWS refused", () => {
    expect(nextUndoDelay(refused, 0, 0, DEFAULT_LIMITS)).toBeNull();
  });
});
