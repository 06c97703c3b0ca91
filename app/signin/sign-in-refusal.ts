// Why single sign-on was refused (lib/auth/sync-oidc-user.ts redirects here with ?error=<code>), in words.
const MESSAGES: Record<string, string> = {
  "no-email": "Your identity provider did not send an e-mail address, which the portal needs to know who you are.",
  "unverified-email": "Your identity provider has not verified your e-mail address, so the portal cannot tell it is yours. Verify it there and sign in again.",
  deactivated: "Your access to the portal has been deactivated. Ask a portal administrator if this is a mistake.",
};

export function signInRefusal(code: string | string[] | undefined): string | null {
  return typeof code === "string" ? (MESSAGES[code] ?? null) : null;
}

/** What a sign-in refused by the per-address limit (lib/auth/rate-limits.ts) shows, single sign-on or not. */
export function tooManySignIns(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds === 1 ? "1 second" : `${retryAfterSeconds} seconds`;
  return `Too many sign-in attempts from this address. Try again in ${wait}.`;
}
