import type { PrismaClient } from "@/lib/db/prisma-factory";

import { DRIFT_QUEUE, PROVISION_QUEUE } from "./queue";

export type QueueStats = { queue: string; waiting: number; oldestAgeSeconds: number };

/**
 * Why the job queue cannot take work, or null when it can: pg-boss's schema and the portal's queues exist in
 * the database (a worker creates them at start; until one has, approvals are committed but never run).
 */
export async function queueProblem(prisma: PrismaClient): Promise<string | null> {
  const [schema] = await prisma.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('pgboss.queue') IS NOT NULL AS present`;
  if (!schema?.present) return "pg-boss's schema is missing: no worker has started against this database";
  const rows = await prisma.$queryRaw<{ name: string }[]>`SELECT name FROM pgboss.queue WHERE name IN (${PROVISION_QUEUE}, ${DRIFT_QUEUE})`;
  const missing = [PROVISION_QUEUE, DRIFT_QUEUE].filter((name) => !rows.some((row) => row.name === name));
  return missing.length ? `queue(s) ${missing.join(", ")} not created: no worker has started against this database` : null;
}

/** Jobs waiting (created or due for retry, not yet picked up) and the oldest one's age, per portal queue. */
export async function queueStats(prisma: PrismaClient): Promise<QueueStats[]> {
  if ((await queueProblem(prisma)) !== null) return [];
  const rows = await prisma.$queryRaw<{ name: string; waiting: bigint; oldest: number | null }[]>`
    SELECT q.name, count(j.id) AS waiting, EXTRACT(EPOCH FROM now() - min(j.created_on))::float8 AS oldest
    FROM pgboss.queue q LEFT JOIN pgboss.job j ON j.name = q.name AND j.state < 'active'
    WHERE q.name IN (${PROVISION_QUEUE}, ${DRIFT_QUEUE})
    GROUP BY q.name`;
  return rows.map((row) => ({ queue: row.name, waiting: Number(row.waiting), oldestAgeSeconds: Math.max(0, row.oldest ?? 0) }));
}
