import { describe, expect, it } from "vitest";

import { decodeAuditCursor, encodeAuditCursor } from "./audit-cursor";
import { csvField, csvLine } from "./csv";

describe("audit cursors", () => {
  it("round-trip, and anything else starts from the newest", () => {
    const cursor = { at: new Date("2026-12-02T10:11:12.345Z"), id: 9_007_199_254_740_993n };
    expect(decodeAuditCursor(encodeAuditCursor(cursor))).toEqual(cursor);
    for (const bad of ["", "yesterday", "2026-12-02T10:11:12.345Z_-1", "2026-13-45T10:11:12.345Z_4", null, undefined]) {
      expect(decodeAuditCursor(bad)).toBeNull();
    }
  });
});

describe("CSV fields", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    // A spreadsheet would run these as formulas.
    ["=HYPERLINK(\"x\")", '"\'=HYPERLINK(""x"")"'],
    ["-1+2", "\"'-1+2\""],
    [null, ""],
  ])("%j is written %s", (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it("numbers stay numbers and lines end in CRLF", () => {
    expect(csvLine([1, -5n, "x"])).toBe("1,-5,x\r\n");
  });
});
