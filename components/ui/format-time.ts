// Server-rendered in UTC so that the text is the same for every viewer and in every test run.
export function formatTime(date: Date): string {
  return date.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

/** To the second, for the audit history, where the order of events within a minute matters. */
export function formatTimeToSecond(date: Date): string {
  return date.toISOString().replace("T", " ").slice(0, 19) + " UTC";
}
