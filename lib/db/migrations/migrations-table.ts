import type { ClientBase } from "pg";

// Byte-for-byte the table Prisma's schema engine creates on PostgreSQL, so the Prisma CLI can read and
// extend the history we write (and we can read the history it writes).
const createMigrationsTable = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationRow = {
  id: string;
  checksum: string;
  migrationName: string;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
  logs: string | null;
};

export async function ensureMigrationsTable(client: ClientBase): Promise<void> {
  await client.query(createMigrationsTable);
}

export async function readMigrationRows(client: ClientBase): Promise<MigrationRow[]> {
  const result = await client.query<{
    id: string;
    checksum: string;
    migration_name: string;
    finished_at: Date | null;
    rolled_back_at: Date | null;
    logs: string | null;
  }>(
    `SELECT id, checksum, migration_name, finished_at, rolled_back_at, logs
       FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );
  return result.rows.map((row) => ({
    id: row.id,
    checksum: row.checksum,
    migrationName: row.migration_name,
    finishedAt: row.finished_at,
    rolledBackAt: row.rolled_back_at,
    logs: row.logs,
  }));
}

// Same three writes as `prisma migrate deploy`: a started row, then the step count and finish time on
// success, or the error in `logs` on failure (which leaves the row "failed" and blocks later runs).
export async function recordMigrationStarted(
  client: ClientBase,
  row: { id: string; checksum: string; migrationName: string },
): Promise<void> {
  await client.query(
    `INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, applied_steps_count)
     VALUES ($1, $2, now(), $3, 0)`,
    [row.id, row.checksum, row.migrationName],
  );
}

export async function recordMigrationFinished(client: ClientBase, id: string): Promise<void> {
  await client.query(
    `UPDATE _prisma_migrations
        SET applied_steps_count = applied_steps_count + 1, finished_at = now()
      WHERE id = $1`,
    [id],
  );
}

export async function recordMigrationFailed(client: ClientBase, id: string, logs: string): Promise<void> {
  await client.query(`UPDATE _prisma_migrations SET logs = $1 WHERE id = $2`, [logs, id]);
}
