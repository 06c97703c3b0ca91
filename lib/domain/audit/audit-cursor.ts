/** Where a page of the audit history ends: the last event's time and id (ids break ties between equal times). */
export type AuditCursor = { at: Date; id: bigint };

export function encodeAuditCursor(cursor: AuditCursor): string {
  return `${cursor.at.toISOString()}_${cursor.id}`;
}

/** Null for anything that is not a cursor this portal wrote: the history then starts from the newest event. */
export function decodeAuditCursor(raw: string | null | undefined): AuditCursor | null {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)_(\d{1,19})$/.exec(raw ?? "");
  if (!match?.[1] || !match[2]) return null;
  const at = new Date(match[1]);
  return Number.isNaN(at.getTime()) ? null : { at, id: BigInt(match[2]) };
}
