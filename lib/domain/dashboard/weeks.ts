const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of the week holding `date`: what PostgreSQL's date_trunc('week', …) gives for UTC times. */
export function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** The starts of the last `count` weeks up to and including the current one, oldest first. */
export function lastWeeks(now: Date, count: number): Date[] {
  const current = weekStart(now).getTime();
  return Array.from({ length: count }, (_, i) => new Date(current - (count - 1 - i) * WEEK_MS));
}

/** Every week gets a value, zero (or null) where the database had no row for it. */
export function fillWeeks<T extends { week: Date }>(weeks: Date[], rows: T[], empty: (week: Date) => T): T[] {
  const byWeek = new Map(rows.map((row) => [weekStart(row.week).getTime(), row]));
  return weeks.map((week) => byWeek.get(week.getTime()) ?? empty(week));
}

/** "Nov 30": weeks are labelled by their Monday. */
export function weekLabel(week: Date): string {
  return week.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}
