import { describe, expect, it } from "vitest";

import { clampPage, MAX_PAGE, parsePageNumber } from "./page-number";

describe("parsePageNumber", () => {
  it.each<[string | null, number | null]>([
    [null, 1],
    ["", 1],
    ["1", 1],
    ["42", 42],
    [String(MAX_PAGE), MAX_PAGE],
    [String(MAX_PAGE + 1), null],
    ["0", null],
    ["-1", null],
    ["2.5", null],
    ["1e308", null],
    ["Infinity", null],
    ["NaN", null],
    [" 3", null],
    ["0x10", null],
  ])("%j", (raw, expected) => {
    const parsed = parsePageNumber(raw);
    expect(parsed.ok ? parsed.page : null).toBe(expected);
  });
});

describe("clampPage", () => {
  it.each<[unknown, number]>([
    [undefined, 1],
    ["", 1],
    ["7", 7],
    ["1e308", MAX_PAGE],
    ["-5", 1],
    ["2.9", 2],
    ["abc", 1],
    [["3", "9"], 3],
    [1e308, MAX_PAGE],
    [Infinity, MAX_PAGE],
    [NaN, 1],
  ])("%j", (raw, expected) => {
    expect(clampPage(raw)).toBe(expected);
  });
});
