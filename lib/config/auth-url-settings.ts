import type { Env } from "./env";

// Auth.js builds its callback URLs and picks cookie names from the URL it believes it is served at. Believing
// the Host header is safe only when a proxy we control sets it, so production trusts it only when told to
// (AUTH_TRUST_HOST) or when AUTH_URL fixes the URL anyway. Session cookies are Secure when the public URL is
// https, even though the TLS-terminating proxy talks plain http to the portal.
export function authUrlSettings(env: Pick<Env, "NODE_ENV" | "AUTH_URL" | "AUTH_TRUST_HOST">): { trustHost: boolean; useSecureCookies?: boolean } {
  const trustHost = env.AUTH_TRUST_HOST ?? (env.NODE_ENV !== "production" || Boolean(env.AUTH_URL));
  if (!env.AUTH_URL) return { trustHost };
  return { trustHost, useSecureCookies: new URL(env.AUTH_URL).protocol === "https:" };
}
