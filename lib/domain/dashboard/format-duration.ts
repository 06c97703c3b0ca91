/** A duration as people say it: "45 s", "12 min", "3 h 20 min", "2 d 4 h". Null (no data) is "—". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  // Rounded once, then split, so that 2 d 23.6 h reads "3 d", never "2 d 24 h".
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  }
  const totalHours = Math.round(s / 3600);
  const days = Math.floor(totalHours / 24);
  return totalHours % 24 ? `${days} d ${totalHours % 24} h` : `${days} d`;
}
