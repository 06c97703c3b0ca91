import { z } from "zod";

/** What an audit event says beyond who did what to which request: a JSON object, different per action. */
export type AuditDetails = Record<string, unknown>;

const detailsSchema = z.record(z.string(), z.unknown());

// Details are only ever shown, so one that is not an object (an older or hand-edited row) is shown as it is,
// marked unreadable, rather than failing the audit log or being dropped from it.
export function readAuditDetails(value: unknown): AuditDetails {
  const parsed = detailsSchema.safeParse(value);
  return parsed.success ? parsed.data : { unreadable: JSON.stringify(value) ?? "no details" };
}
