/** A window in which nothing is approved and nothing starts provisioning. */
export type ChangeFreezeWindow = { id: string; startsAt: Date; endsAt: Date; reason: string };

/** Why a request is held now, and until when; null when it is not. */
export type FreezeHold = { freezeId: string; until: Date; reason: string };

/** The freeze in force at `now` that ends last (windows may overlap), or null. */
export function activeFreeze(windows: readonly ChangeFreezeWindow[], now: Date): ChangeFreezeWindow | null {
  const active = windows.filter((w) => w.startsAt <= now && now < w.endsAt);
  return active.reduce<ChangeFreezeWindow | null>((last, w) => (last && last.endsAt >= w.endsAt ? last : w), null);
}

/**
 * Whether a freeze holds this request now. Back-to-back or overlapping windows hold it until the last of them
 * ends; an admin's override for the request (with its recorded reason) lets it through.
 */
export function freezeHolds(windows: readonly ChangeFreezeWindow[], now: Date, overridden: boolean): FreezeHold | null {
  if (overridden) return null;
  let current = activeFreeze(windows, now);
  if (!current) return null;
  const first = current;
  for (let next = activeFreeze(windows, current.endsAt); next && next.endsAt > current.endsAt; next = activeFreeze(windows, current.endsAt)) {
    current = next;
  }
  return { freezeId: first.id, until: current.endsAt, reason: first.reason };
}
