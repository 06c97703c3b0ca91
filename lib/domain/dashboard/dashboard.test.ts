import { describe, expect, it } from "vitest";

import { formatDuration } from "./format-duration";
import { fillWeeks, lastWeeks, weekLabel, weekStart } from "./weeks";

describe("weeks of the dashboard's trends", () => {
  it("start on Monday 00:00 UTC", () => {
    expect(weekStart(new Date("2026-12-02T17:30:00Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(weekStart(new Date("2026-11-29T23:59:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(weekStart(new Date("2026-11-30T00:00:00Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });

  it("lists the last weeks oldest first, and fills the ones without data", () => {
    const weeks = lastWeeks(new Date("2026-12-02T12:00:00Z"), 3);
    expect(weeks.map((w) => w.toISOString().slice(0, 10))).toEqual(["2026-11-16", "2026-11-23", "2026-11-30"]);
    const filled = fillWeeks(weeks, [{ week: new Date("2026-11-23T00:00:00Z"), n: 4 }], (week) => ({ week, n: 0 }));
    expect(filled.map((f) => f.n)).toEqual([0, 4, 0]);
    expect(weekLabel(weeks[0] ?? new Date())).toBe("Nov 16");
  });
});

describe("durations", () => {
  it.each([
    [null, "—"],
    [12.4, "12 s"],
    [600, "10 min"],
    [3600, "1 h"],
    [3 * 3600 + 20 * 60, "3 h 20 min"],
    [2 * 86_400 + 4 * 3600, "2 d 4 h"],
    [-5, "0 s"],
    [2 * 86_400 + 23.8 * 3600, "3 d"],
    [3600 * 23 + 59.8 * 60, "1 d"],
  ])("%s s is %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
