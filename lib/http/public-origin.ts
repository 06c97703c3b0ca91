/**
 * The portal's address as its users reach it: the configured public URL (AUTH_URL) when there is one;
 * otherwise the Host the request came to, with the scheme a TLS-terminating proxy reports.
 */
export function publicOrigin(configuredUrl: string | undefined, headers: Headers): string {
  if (configuredUrl) return new URL(configuredUrl).origin;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "localhost";
  return `${proto}://${host}`;
}
