import type { PrismaClient } from "@/lib/db/prisma-factory";

// A fingerprint of every table the portal owns, to show that a refused call changed nothing. A token's
// "last used" time, a session's "last seen" time and the rate-limit counters are left out: they record that a
// call arrived, not anything it did.
export async function databaseFingerprint(prisma: PrismaClient): Promise<Record<string, string>> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_prisma%' AND table_name <> 'RateLimit' ORDER BY 1`;
  const entries = await Promise.all(
    tables.map(async ({ name }) => {
      const [row] = await prisma.$queryRawUnsafe<{ digest: string | null }[]>(
        `SELECT md5(string_agg(r, '|' ORDER BY r)) AS digest FROM (SELECT (to_jsonb(t) - 'lastUsedAt' - 'lastSeenAt')::text AS r FROM "${name}" t) rows`,
      );
      return [name, row?.digest ?? "empty"] as const;
    }),
  );
  // Jobs for the workers: a refused approval or retry must not have queued any AWS work either.
  const [queue] = await prisma.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`;
  const jobs = queue?.present ? await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job` : [];
  return { ...Object.fromEntries(entries), jobs: String(jobs[0]?.n ?? 0) };
}
