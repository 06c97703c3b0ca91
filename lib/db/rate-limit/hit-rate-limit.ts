import "server-only";

import type { PrismaClient } from "../prisma-factory";

export type RateLimitRule = { limit: number; windowSeconds: number };
export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// Window starts are passed as epoch seconds and turned into UTC in SQL, so the stored timestamp does not depend
// on the time zone of the server or the driver.
const utc = (ms: number) => ms / 1000;

/**
 * Counts one hit against `key` in the current fixed window. The upsert is one statement, so hits from any
 * number of servers at once are all counted; a limit of 0 counts nothing and allows everything.
 */
export async function hitRateLimit(prisma: PrismaClient, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitOutcome> {
  if (rule.limit <= 0) return { allowed: true };
  const windowMs = rule.windowSeconds * 1000;
  const startMs = Math.floor(now.getTime() / windowMs) * windowMs;
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    VALUES (${key}, to_timestamp(${utc(startMs)}::double precision) AT TIME ZONE 'UTC', 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "count"`;
  const count = rows[0]?.count ?? 1;
  // The first hit of a window clears windows that ended before it (every key's), so the table stays small.
  if (count === 1) {
    await prisma.$executeRaw`DELETE FROM "RateLimit" WHERE "windowStart" < to_timestamp(${utc(startMs)}::double precision) AT TIME ZONE 'UTC'`;
  }
  if (count <= rule.limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((startMs + windowMs - now.getTime()) / 1000)) };
}
