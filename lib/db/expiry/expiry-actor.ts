import type { AuditActor } from "../audit/record-audit-event";

/** Who the audit history names for what the end date does by itself: reminders, holds and the teardown. */
export const EXPIRY_ACTOR: AuditActor = { kind: "system", label: "expiry" };
