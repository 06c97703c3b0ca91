import { z } from "zod";

// Text that approvers and auditors read must say what it shows. Control characters (NUL and the like) break
// logs, exports and terminals; bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) reorder
// what is displayed, so "approve 10.0.0.0/8" could be shown for a justification that says something else.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LINE_BREAKS = /[\t\n\r]/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** Why the text may not be stored, or null. Single-line text also refuses tabs and line breaks. */
export function unsafeTextProblem(text: string, options: { multiline?: boolean } = {}): string | null {
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) return `Remove the invisible direction-changing character ${codePoint(bidi[0])}: it makes the text display differently from what it says`;
  const control = CONTROL.exec(text) ?? (options.multiline ? null : LINE_BREAKS.exec(text));
  if (control) return `Remove the control character ${codePoint(control[0])}${options.multiline ? "" : " (this field is one line)"}`;
  return null;
}

export type SafeTextRule = {
  max: number;
  tooLong: string;
  /** Leave out for optional text; an empty string then passes. */
  min?: number;
  tooShort?: string;
  multiline?: boolean;
};

/** The zod schema every form and API body uses for free text: trimmed, bounded, and free of the characters above. */
export function safeText(rule: SafeTextRule) {
  return z
    .string({ error: rule.tooShort ?? "Enter text" })
    // A browser submits a textarea's line breaks as CRLF but counts each as one character against maxLength;
    // counted the same way here, text the form let through is not refused for its length.
    .overwrite((text) => (rule.multiline ? text.replace(/\r\n?/g, "\n") : text))
    .trim()
    .min(rule.min ?? 0, rule.tooShort)
    .max(rule.max, rule.tooLong)
    .superRefine((text, ctx) => {
      const problem = unsafeTextProblem(text, { multiline: rule.multiline });
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}
