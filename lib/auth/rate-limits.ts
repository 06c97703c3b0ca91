import "server-only";

import { createHash } from "node:crypto";

import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { hitRateLimit, type RateLimitOutcome } from "@/lib/db/rate-limit/hit-rate-limit";
import { clientAddress } from "@/lib/http/client-address";

const MINUTE = 60;

export type RateLimited = { retryAfterSeconds: number };

function refused(outcome: RateLimitOutcome): RateLimited | null {
  return outcome.allowed ? null : { retryAfterSeconds: outcome.retryAfterSeconds };
}

// Only a digest of the token names its counter, so the table holds nothing a caller could use.
const tokenKey = (authorization: string) => `api-token:${createHash("sha256").update(authorization).digest("hex").slice(0, 32)}`;

/** Per client address first (it also covers guessed tokens), then per token. */
export async function apiRateLimit(headers: Headers): Promise<RateLimited | null> {
  const env = config();
  const address = clientAddress(headers, env.TRUSTED_PROXY_HOPS);
  const byAddress = refused(await hitRateLimit(db(), `api-address:${address}`, { limit: env.RATE_LIMIT_API_PER_ADDRESS, windowSeconds: MINUTE }));
  if (byAddress) return byAddress;
  const authorization = headers.get("authorization");
  if (!authorization) return null;
  return refused(await hitRateLimit(db(), tokenKey(authorization), { limit: env.RATE_LIMIT_API_PER_TOKEN, windowSeconds: MINUTE }));
}

/** Sign-in attempts per client address: the dev sign-in action and Auth.js's POSTs count alike. */
export async function signInRateLimit(headers: Headers): Promise<RateLimited | null> {
  const env = config();
  const address = clientAddress(headers, env.TRUSTED_PROXY_HOPS);
  return refused(await hitRateLimit(db(), `sign-in:${address}`, { limit: env.RATE_LIMIT_SIGN_IN_PER_ADDRESS, windowSeconds: MINUTE }));
}

export function tooManyRequests(limited: RateLimited, body: { error: string; message: string }): Response {
  return Response.json(body, { status: 429, headers: { "retry-after": String(limited.retryAfterSeconds), "cache-control": "no-store" } });
}
