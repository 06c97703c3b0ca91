import { describe, expect, it } from "vitest";

import { needsTouch, sessionRefusal, type SessionFacts } from "./session-validity";

const now = new Date("2026-12-02T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const live: SessionFacts = { expiresAt: minutesAgo(-60), lastSeenAt: minutesAgo(5), revokedAt: null, user: { deactivatedAt: null } };

describe("sessionRefusal", () => {
  it.each([
    ["a live session", live, null],
    ["a revoked one", { ...live, revokedAt: minutesAgo(1) }, "revoked"],
    ["one past its absolute end", { ...live, expiresAt: minutesAgo(0) }, "expired"],
    ["one idle past the timeout", { ...live, lastSeenAt: minutesAgo(61) }, "idle"],
    ["one idle exactly the timeout", { ...live, lastSeenAt: minutesAgo(60) }, null],
    ["a deactivated person's", { ...live, user: { deactivatedAt: minutesAgo(1) } }, "deactivated"],
  ] as const)("%s -> %s", (_label, session, expected) => {
    expect(sessionRefusal(session, now, { idleMinutes: 60 })).toBe(expected);
  });
});

describe("needsTouch", () => {
  it.each([
    [0.5, false],
    [1, true],
    [30, true],
  ])("last seen %d minute(s) ago -> %s", (minutes, expected) => {
    expect(needsTouch(minutesAgo(minutes), now)).toBe(expected);
  });
});
