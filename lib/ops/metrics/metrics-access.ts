import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Why a scrape is refused, as the response to send, or null to serve it. */
export function metricsRefusal(configuredToken: string | undefined, authorization: string | null): Response | null {
  const headers = { "cache-control": "no-store" };
  if (!configuredToken) {
    return Response.json(
      { error: "not-found", message: "Metrics are off: set METRICS_TOKEN and scrape with `Authorization: Bearer <token>`." },
      { status: 404, headers },
    );
  }
  const sent = /^Bearer (.+)$/.exec(authorization ?? "")?.[1] ?? "";
  // Compared as digests, in constant time: the token's length and prefix do not leak through timing.
  if (!timingSafeEqual(digest(sent), digest(configuredToken))) {
    return Response.json(
      { error: "unauthenticated", message: "Send the configured METRICS_TOKEN as `Authorization: Bearer <token>`." },
      { status: 401, headers: { ...headers, "www-authenticate": "Bearer" } },
    );
  }
  return null;
}
