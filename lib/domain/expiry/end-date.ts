import { z } from "zod";

/** What a policy says about end dates for a request (per environment, through the policy's match). */
export type EndDateLimits = { requireEndDate: boolean; maxDurationDays: number | null };

/** Until a policy says otherwise: an end date is optional and only the portal's own horizon bounds it. */
export const NO_END_DATE_LIMITS: EndDateLimits = { requireEndDate: false, maxDurationDays: null };

// A date further out than this is a typo or "forever" in disguise; leave the end date empty for that.
export const END_DATE_HORIZON_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A day (YYYY-MM-DD, meaning 00:00 UTC that day, as the form sends it) or an exact ISO time (the API).
 * Whether it is in the future is a question about the clock, asked by checkEndDate.
 */
export const endDateSchema = z
  .string({ error: "Enter the end date as YYYY-MM-DD" })
  .trim()
  .refine((value) => z.iso.date().safeParse(value).success || z.iso.datetime({ offset: true }).safeParse(value).success, {
    error: "Enter the end date as YYYY-MM-DD",
  });

export function parseEndDate(value: string): Date {
  return new Date(z.iso.date().safeParse(value).success ? `${value}T00:00:00.000Z` : value);
}

/** YYYY-MM-DD in UTC, the form the request form takes and the portal shows. */
export function formatEndDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Why this end date is refused now under these limits, or null when it is fine. */
export function checkEndDate(endsAt: Date | null, now: Date, limits: EndDateLimits): string | null {
  if (!endsAt) return limits.requireEndDate ? "This request needs an end date under its environment's policy: choose one" : null;
  if (endsAt.getTime() <= now.getTime()) return "Choose an end date in the future";
  const latest = (days: number) => new Date(now.getTime() + days * DAY_MS);
  if (limits.maxDurationDays !== null && endsAt > latest(limits.maxDurationDays)) {
    return `The policy allows at most ${limits.maxDurationDays} days: choose ${formatEndDate(latest(limits.maxDurationDays))} or earlier`;
  }
  if (endsAt > latest(END_DATE_HORIZON_DAYS)) {
    return `Choose an end date within ${END_DATE_HORIZON_DAYS} days (${formatEndDate(latest(END_DATE_HORIZON_DAYS))} or earlier), or leave it empty`;
  }
  return null;
}
