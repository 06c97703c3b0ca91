import { randomUUID } from "node:crypto";

import pg from "pg";

import { defaultMigrationsDir, readMigrationFiles } from "./migrations/migration-files";
import {
  ensureMigrationsTable,
  readMigrationRows,
  recordMigrationFailed,
  recordMigrationFinished,
  recordMigrationStarted,
} from "./migrations/migrations-table";
import { planMigrations } from "./migrations/plan-migrations";

// No `import "server-only"`: this runs from scripts and tests, outside Next's react-server build.

export type MigrateOptions = { migrationsDir?: string; log?: (line: string) => void };
export type MigrateResult = { applied: string[]; alreadyApplied: string[] };

// The key `prisma migrate` locks on, so our runner and the Prisma CLI also exclude each other.
const prismaAdvisoryLockKey = 72707369;

export async function migrateDatabase(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const files = await readMigrationFiles(options.migrationsDir ?? defaultMigrationsDir);

  const client = new pg.Client({ connectionString: databaseUrl });
  // A dropped connection also rejects the pending query, which is where we report it; without a listener
  // the 'error' event would crash the process instead.
  client.on("error", () => {});
  await client.connect();
  try {
    await acquireLock(client, log);
    try {
      await ensureMigrationsTable(client);
      const plan = planMigrations(files, await readMigrationRows(client));
      const applied: string[] = [];
      for (const migration of plan.pending) {
        log(`Applying migration ${migration.name}`);
        await applyMigration(client, migration);
        applied.push(migration.name);
      }
      log(
        applied.length === 0
          ? `No pending migrations (${plan.alreadyApplied.length} already applied)`
          : `Applied ${applied.length} migration(s)`,
      );
      return { applied, alreadyApplied: plan.alreadyApplied };
    } finally {
      // If the connection broke, the session and its lock are gone already; the original error matters more.
      await client.query("SELECT pg_advisory_unlock($1)", [prismaAdvisoryLockKey]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

async function acquireLock(client: pg.Client, log: (line: string) => void): Promise<void> {
  const attempt = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
    prismaAdvisoryLockKey,
  ]);
  if (attempt.rows[0]?.locked) return;
  // Another process is migrating; waiting (without a timeout, unlike Prisma's 10 s) lets a slow migration finish.
  log("Waiting for another process to finish migrating");
  await client.query("SELECT pg_advisory_lock($1)", [prismaAdvisoryLockKey]);
}

async function applyMigration(
  client: pg.Client,
  migration: { name: string; script: string; checksum: string },
): Promise<void> {
  const id = randomUUID();
  // The started row is committed on its own, as Prisma does, so a failure stays on record.
  await recordMigrationStarted(client, { id, checksum: migration.checksum, migrationName: migration.name });
  try {
    // One transaction for script and bookkeeping: a failed migration leaves no half-made schema behind.
    await client.query("BEGIN");
    await client.query(migration.script);
    await recordMigrationFinished(client, id);
    await client.query("COMMIT");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Best effort: if the connection itself failed, the row still shows the migration as unfinished.
    await client
      .query("ROLLBACK")
      .then(() => recordMigrationFailed(client, id, `Database error while applying ${migration.name}:\n${message}`))
      .catch(() => {});
    throw new Error(`Migration ${migration.name} failed and was rolled back, nothing of it was applied: ${message}`, {
      cause: error,
    });
  }
}
