import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";

import { migrateDatabase } from "./migrate";
import { createTestDatabase, type TestDatabase } from "./test-database";

const projectMigrations = path.join(process.cwd(), "prisma", "migrations");
const all = readdirSync(projectMigrations).filter((name) => /^\d{14}_/.test(name)).sort();
const init = all[0] ?? "";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emptyDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase({ migrate: false });
  cleanups.push(() => database.drop());
  return database;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  cleanups.push(() => client.end());
  return client;
}

// A private copy of the migrations, so a test can edit, add or remove one without touching the real folder.
async function migrationsCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(projectMigrations, dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function tableExists(client: pg.Client, table: string): Promise<boolean> {
  const result = await client.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [
    `"${table}"`,
  ]);
  return result.rows[0]?.exists ?? false;
}

describe("migrateDatabase", () => {
  it("applies every migration to an empty database, then nothing on the next run", async () => {
    const database = await emptyDatabase();

    await expect(migrateDatabase(database.url)).resolves.toEqual({ applied: all, alreadyApplied: [] });
    expect(await tableExists(await connect(database.url), "AccessRequest")).toBe(true);

    await expect(migrateDatabase(database.url)).resolves.toEqual({ applied: [], alreadyApplied: all });
  });

  it("applies once when two processes start at the same time", async () => {
    const database = await emptyDatabase();

    const results = await Promise.all([migrateDatabase(database.url), migrateDatabase(database.url)]);

    expect(results.flatMap((result) => result.applied)).toEqual(all);
    const rows = await (await connect(database.url)).query("SELECT migration_name FROM _prisma_migrations");
    expect(rows.rows).toEqual(all.map((name) => ({ migration_name: name })));
  });

  it("waits while another session holds Prisma's migration lock", async () => {
    const database = await emptyDatabase();
    const holder = await connect(database.url);
    await holder.query("SELECT pg_advisory_lock(72707369)");
    const lines: string[] = [];

    const run = migrateDatabase(database.url, { log: (line) => lines.push(line) });
    let settled = false;
    void run.finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false);
    expect(lines).toContain("Waiting for another process to finish migrating");

    await holder.query("SELECT pg_advisory_unlock(72707369)");
    await expect(run).resolves.toEqual({ applied: all, alreadyApplied: [] });
  });

  it("records each migration exactly as Prisma does, in a table shaped exactly like Prisma's", async () => {
    const database = await emptyDatabase();
    await migrateDatabase(database.url);
    const client = await connect(database.url);

    const columns = await client.query(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.rows).toEqual([
      {
        column_name: "id",
        data_type: "character varying",
        character_maximum_length: 36,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "checksum",
        data_type: "character varying",
        character_maximum_length: 64,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "finished_at",
        data_type: "timestamp with time zone",
        character_maximum_length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "migration_name",
        data_type: "character varying",
        character_maximum_length: 255,
        is_nullable: "NO",
        column_default: null,
      },
      {
        column_name: "logs",
        data_type: "text",
        character_maximum_length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "rolled_back_at",
        data_type: "timestamp with time zone",
        character_maximum_length: null,
        is_nullable: "YES",
        column_default: null,
      },
      {
        column_name: "started_at",
        data_type: "timestamp with time zone",
        character_maximum_length: null,
        is_nullable: "NO",
        column_default: "now()",
      },
      {
        column_name: "applied_steps_count",
        data_type: "integer",
        character_maximum_length: null,
        is_nullable: "NO",
        column_default: "0",
      },
    ]);
    const primaryKey = await client.query(
      `SELECT a.attname FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = ANY(x.indkey)
        WHERE x.indrelid = '_prisma_migrations'::regclass AND x.indisprimary`,
    );
    expect(primaryKey.rows).toEqual([{ attname: "id" }]);

    const rows = await client.query(
      `SELECT id, checksum, migration_name, logs, rolled_back_at, applied_steps_count,
              finished_at IS NOT NULL AND finished_at >= started_at AS finished_after_start
         FROM _prisma_migrations ORDER BY migration_name`,
    );
    const expected = await Promise.all(
      all.map(async (name) => ({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        checksum: createHash("sha256").update(await readFile(path.join(projectMigrations, name, "migration.sql"))).digest("hex"),
        migration_name: name,
        logs: null,
        rolled_back_at: null,
        applied_steps_count: 1,
        finished_after_start: true,
      })),
    );
    expect(rows.rows).toEqual(expected);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const database = await emptyDatabase();
    const dir = await migrationsCopy();
    await migrateDatabase(database.url, { migrationsDir: dir });

    await appendFile(path.join(dir, init, "migration.sql"), '\nCREATE TABLE "Sneaky" (id INTEGER);\n');

    await expect(migrateDatabase(database.url, { migrationsDir: dir })).rejects.toThrow(
      `Migration ${init} was modified after it was applied`,
    );
    expect(await tableExists(await connect(database.url), "Sneaky")).toBe(false);
  });

  it("accepts an applied migration whose only change is its line endings, as Prisma does", async () => {
    const database = await emptyDatabase();
    const dir = await migrationsCopy();
    await migrateDatabase(database.url, { migrationsDir: dir });
    const file = path.join(dir, init, "migration.sql");

    await writeFile(file, (await readFile(file, "utf8")).replace(/\n/g, "\r\n"));

    await expect(migrateDatabase(database.url, { migrationsDir: dir })).resolves.toEqual({
      applied: [],
      alreadyApplied: all,
    });
  });

  it("refuses to run when an applied migration is missing from the folder", async () => {
    const database = await emptyDatabase();
    const dir = await migrationsCopy();
    await addMigration(dir, "29990101000000_add_note", 'ALTER TABLE "Team" ADD COLUMN "note" TEXT;');
    await migrateDatabase(database.url, { migrationsDir: dir });

    await rm(path.join(dir, "29990101000000_add_note"), { recursive: true });

    await expect(migrateDatabase(database.url, { migrationsDir: dir })).rejects.toThrow(
      "Migration 29990101000000_add_note is recorded as applied in this database but is missing",
    );
  });

  it("rolls a failing migration back, records the failure, and refuses to continue until it is resolved", async () => {
    const database = await emptyDatabase();
    const dir = await migrationsCopy();
    // Made-up migrations are dated far ahead, so they sort after every real one, present or future.
    const broken = "29990101000000_broken";
    await addMigration(dir, broken, 'CREATE TABLE "Half" (id INTEGER);\nSELECT 1 / 0;\n');
    await addMigration(dir, "29990102000000_later", 'CREATE TABLE "Later" (id INTEGER);');

    await expect(migrateDatabase(database.url, { migrationsDir: dir })).rejects.toThrow(
      `Migration ${broken} failed and was rolled back`,
    );
    const client = await connect(database.url);
    expect(await tableExists(client, "Half")).toBe(false);
    expect(await tableExists(client, "Later")).toBe(false);
    const failed = await client.query(
      "SELECT finished_at, rolled_back_at, applied_steps_count, logs FROM _prisma_migrations WHERE migration_name = $1",
      [broken],
    );
    expect(failed.rows).toEqual([
      {
        finished_at: null,
        rolled_back_at: null,
        applied_steps_count: 0,
        logs: expect.stringContaining("division by zero"),
      },
    ]);

    await expect(migrateDatabase(database.url, { migrationsDir: dir })).rejects.toThrow(
      `Migration ${broken} failed in an earlier run`,
    );

    // What `prisma migrate resolve --rolled-back` does, after the file has been fixed.
    await client.query("UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1", [broken]);
    await writeFile(path.join(dir, broken, "migration.sql"), 'CREATE TABLE "Half" (id INTEGER);\n');
    await expect(migrateDatabase(database.url, { migrationsDir: dir })).resolves.toEqual({
      applied: [broken, "29990102000000_later"],
      alreadyApplied: all,
    });
  });
});
