import { describe, expect, it } from "vitest";

import { scopeAllows, tokenExpiry } from "./token-scope";

describe("scopeAllows", () => {
  it.each([
    ["read", "GET", true],
    ["read", "head", true],
    ["read", "POST", false],
    ["read", "PATCH", false],
    ["read", "DELETE", false],
    ["read", "PURGE", false],
    ["write", "POST", true],
    ["write", "GET", true],
  ] as const)("a %s token calling %s -> %s", (scope, method, expected) => {
    expect(scopeAllows(scope, method)).toBe(expected);
  });
});

describe("tokenExpiry", () => {
  it("ends the chosen number of days after creation", () => {
    expect(tokenExpiry(new Date("2026-01-01T00:00:00Z"), 90).toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });
});
