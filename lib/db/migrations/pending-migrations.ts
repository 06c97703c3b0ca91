import pg from "pg";

import { defaultMigrationsDir, readMigrationFiles } from "./migration-files";
import { readMigrationRows } from "./migrations-table";
import { MigrationHistoryError, planMigrations } from "./plan-migrations";

// No `import "server-only"`: the server's start-up, the readiness probe and tests all ask this.

/** Names of the migrations in `migrationsDir` that the database has not applied. Reads only, never migrates. */
export async function pendingMigrations(databaseUrl: string, migrationsDir = defaultMigrationsDir): Promise<string[]> {
  const files = await readMigrationFiles(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    const table = await client.query<{ exists: boolean }>("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists");
    const rows = table.rows[0]?.exists ? await readMigrationRows(client) : [];
    return planMigrations(files, rows).pending.map((file) => file.name);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Why this code cannot serve this database, or null when it can: migrations not applied yet (the release
 * step was skipped) or a history the code does not understand. A server that started anyway would fail on
 * the first query that touches a new column, far from the cause.
 */
export async function unmigratedDatabaseProblem(databaseUrl: string, migrationsDir = defaultMigrationsDir): Promise<string | null> {
  try {
    const pending = await pendingMigrations(databaseUrl, migrationsDir);
    if (pending.length === 0) return null;
    return (
      `The database is behind this release: ${pending.length} migration(s) not applied (${pending.join(", ")}). ` +
      "Run `npm run db:migrate` (in the image: `node migrate.mjs`) with the same DATABASE_URL, then start the portal again."
    );
  } catch (error) {
    if (error instanceof MigrationHistoryError) return `The database's migration history does not match this release: ${error.message}`;
    throw error;
  }
}
