export type SessionLimits = { idleMinutes: number };

export type SessionFacts = {
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  user: { deactivatedAt: Date | null };
};

export type SessionRefusal = "revoked" | "expired" | "idle" | "deactivated";

/**
 * Why a signed-in session no longer counts, or null while it does. The absolute end is stored with the session
 * at sign-in, so renewing the cookie (every visit does) never extends it.
 */
export function sessionRefusal(session: SessionFacts, now: Date, limits: SessionLimits): SessionRefusal | null {
  if (session.revokedAt) return "revoked";
  if (session.user.deactivatedAt) return "deactivated";
  if (session.expiresAt.getTime() <= now.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() > limits.idleMinutes * 60_000) return "idle";
  return null;
}

// Recording every request as a write would make each page view a write; a minute is fine-grained enough for
// the idle timeout and the "last seen" column.
export const TOUCH_INTERVAL_MS = 60_000;

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}
