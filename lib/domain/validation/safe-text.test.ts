import { describe, expect, it } from "vitest";

import { safeText, unsafeTextProblem } from "./safe-text";

describe("unsafeTextProblem", () => {
  it.each([
    ["plain text", "Payments need to read orders", false, null],
    ["accents and emoji", "Équipe paiement 🚀", false, null],
    ["NUL", "orders\u0000", false, "U+0000"],
    ["escape", "\u001b[31mred", false, "U+001B"],
    ["DEL", "a\u007fb", false, "U+007F"],
    ["C1 control", "a\u0085b", true, "U+0085"],
    ["line break in a name", "team\nname", false, "U+000A"],
    ["tab in a name", "team\tname", false, "U+0009"],
    ["line breaks in a justification", "first line\r\nsecond\tline", true, null],
    ["right-to-left override", "ok \u202Egnp.exe", true, "U+202E"],
    ["left-to-right embedding", "\u202Aabc", true, "U+202A"],
    ["first strong isolate", "abc\u2068", false, "U+2068"],
    ["pop directional isolate", "\u2069", true, "U+2069"],
    ["left-to-right mark (not an override)", "abc\u200E", false, null],
  ])("%s", (_name, text, multiline, expected) => {
    const problem = unsafeTextProblem(text, { multiline });
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});

describe("safeText", () => {
  const schema = safeText({ min: 2, tooShort: "Name it", max: 5, tooLong: "Too long" });

  it.each([
    ["  ab  ", { ok: true, value: "ab" }],
    ["a", { ok: false, message: "Name it" }],
    ["abcdef", { ok: false, message: "Too long" }],
    ["a\u202Eb", { ok: false, message: "direction-changing character U+202E" }],
    ["a\u0000b", { ok: false, message: "control character U+0000" }],
  ])("%j", (input, expected) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(expected.ok);
    if (result.success && "value" in expected) expect(result.data).toBe(expected.value);
    if (!result.success && "message" in expected) expect(result.error.issues[0]?.message).toContain(expected.message);
  });
});

describe("safeText over several lines", () => {
  const schema = safeText({ max: 5, tooLong: "Too long", multiline: true });

  it("counts a submitted CRLF line break once, as the textarea's maxLength does", () => {
    expect(schema.safeParse("a\r\nb\r\nc").data).toBe("a\nb\nc");
    expect(schema.safeParse("a\r\nb\r\ncd").success).toBe(false);
  });
});
