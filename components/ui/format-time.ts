// Server-rendered in UTC so that the text is the same for every viewer and in every test run.
export function formatTime(date: Date): string {
  return date.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}
