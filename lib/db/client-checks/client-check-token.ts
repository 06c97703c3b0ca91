import { createHash, randomBytes } from "node:crypto";

// Its own prefix, so a leaked check token is recognisable and never mistaken for an API token.
export const CHECK_TOKEN_PREFIX = "mskc_";
/** Long enough to run it on a host reached the next morning; short enough that a copied command goes stale. */
export const CHECK_TOKEN_HOURS = 24;

export const newCheckToken = (): string => CHECK_TOKEN_PREFIX + randomBytes(32).toString("base64url");
export const hashCheckToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** The token of an `Authorization: Bearer mskc_…` header, or null. */
export function checkTokenFrom(authorization: string | null): string | null {
  const match = /^Bearer\s+(mskc_[A-Za-z0-9_-]{43})$/.exec(authorization?.trim() ?? "");
  return match?.[1] ?? null;
}
