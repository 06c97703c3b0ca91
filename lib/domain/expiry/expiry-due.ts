import { isTerminal, type RequestStatus } from "../lifecycle";

/** What the expiry records, once each, for one end date of a request. */
export const EXPIRY_EVENT_KINDS = ["REMINDER_7_DAYS", "REMINDER_1_DAY", "HELD", "ENDED"] as const;
export type ExpiryEventKind = (typeof EXPIRY_EVENT_KINDS)[number];

export type ExpiryStep =
  | { kind: "remind"; event: "REMINDER_7_DAYS" | "REMINDER_1_DAY"; daysBefore: 7 | 1 }
  // ACTIVE at its end date: tear the connection down.
  | { kind: "decommission"; event: "ENDED" }
  // Not ACTIVE at its end date (waiting, failed, being built or removed): nothing to tear down now. Said once;
  // should it become ACTIVE later, the next sweep decommissions it.
  | { kind: "hold"; event: "HELD" };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The one thing the expiry does next for a request, given what it has already recorded for this end date.
 * Reminders that are no longer ahead are skipped: a request filed two days before its end gets only the
 * one-day reminder.
 */
export function expiryStepDue(input: {
  status: RequestStatus;
  endsAt: Date;
  now: Date;
  done: ReadonlySet<ExpiryEventKind>;
}): ExpiryStep | null {
  const { status, endsAt, now, done } = input;
  if (isTerminal(status) || done.has("ENDED")) return null;
  const left = endsAt.getTime() - now.getTime();
  if (left <= 0) {
    if (status === "ACTIVE") return { kind: "decommission", event: "ENDED" };
    return done.has("HELD") ? null : { kind: "hold", event: "HELD" };
  }
  if (left <= DAY_MS) return done.has("REMINDER_1_DAY") ? null : { kind: "remind", event: "REMINDER_1_DAY", daysBefore: 1 };
  if (left <= 7 * DAY_MS) {
    return done.has("REMINDER_7_DAYS") || done.has("REMINDER_1_DAY") ? null : { kind: "remind", event: "REMINDER_7_DAYS", daysBefore: 7 };
  }
  return null;
}

/** How far ahead of now the sweep must look to find every request with something due. */
export const EXPIRY_LOOKAHEAD_MS = 7 * DAY_MS;
