import { describe, expect, it } from "vitest";

import { activeFreeze, freezeHolds } from "./change-freeze";

const at = (hh: number) => new Date(`2026-12-24T${String(hh).padStart(2, "0")}:00:00Z`);
const window = (id: string, from: number, to: number) => ({ id, startsAt: at(from), endsAt: at(to), reason: `freeze ${id}` });

describe("change freezes", () => {
  it.each<[string, ReturnType<typeof window>[], number, boolean, string | null, number | null]>([
    ["none", [], 10, false, null, null],
    ["before the window", [window("a", 12, 14)], 10, false, null, null],
    ["inside", [window("a", 8, 14)], 10, false, "a", 14],
    ["at its end it is over", [window("a", 8, 10)], 10, false, null, null],
    ["overlapping: held until the later end", [window("a", 8, 12), window("b", 11, 16)], 10, false, "a", 16],
    ["back to back", [window("a", 8, 12), window("b", 12, 13)], 10, false, "a", 13],
    ["overridden", [window("a", 8, 14)], 10, true, null, null],
  ])("%s", (_label, windows, hour, overridden, freezeId, until) => {
    const hold = freezeHolds(windows, at(hour), overridden);
    expect(hold?.freezeId ?? null).toBe(freezeId);
    expect(hold?.until.getTime() ?? null).toBe(until === null ? null : at(until).getTime());
  });

  it("activeFreeze picks the window ending last", () => {
    expect(activeFreeze([window("a", 8, 12), window("b", 9, 11)], at(10))?.id).toBe("a");
  });
});
