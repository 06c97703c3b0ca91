import type { z } from "zod";

/** Which stored value is being read, so an unreadable one can be found and fixed. */
export type JsonColumnRef = { table: string; column: string; id: string };

export class UnreadableColumnError extends Error {
  constructor(ref: JsonColumnRef, issues: string) {
    super(`${ref.table}.${ref.column} of row ${ref.id} cannot be read: ${issues}`);
    this.name = "UnreadableColumnError";
  }
}

// For values the portal acts on (a step's definition, what it created): guessing would build or remove the
// wrong thing, so a value that does not match its schema stops the caller with the row named.
export function readJsonColumn<S extends z.ZodType>(schema: S, value: unknown, ref: JsonColumnRef): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(value)"}: ${i.message}`).join("; ");
  throw new UnreadableColumnError(ref, issues);
}
