import { z } from "zod";

/** 10 PB a month: far above any one Kafka client, low enough to catch a value typed in bytes. */
export const MAX_EXPECTED_GB_PER_MONTH = 10_000_000;

/** The requester's estimate of the GB a month the client sends and receives: prices the per-GB lines. */
export const expectedGbPerMonthSchema = z
  .number({ error: "Enter the expected traffic as a whole number of GB per month, or leave it empty" })
  .int("Enter a whole number of GB per month")
  .min(0, "Expected traffic cannot be negative")
  .max(MAX_EXPECTED_GB_PER_MONTH, `Enter at most ${MAX_EXPECTED_GB_PER_MONTH.toLocaleString("en-US")} GB per month (10 PB)`)
  .meta({ description: "Expected traffic in GB per month, both directions together; prices the per-GB lines of the cost estimate" });

/** A form's text as the schema's input: empty means not given, anything else is checked as a number. */
export function expectedGbFromText(text: string): number | string | undefined {
  const trimmed = text.trim().replace(/[,_\s]/g, "");
  if (trimmed === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}
