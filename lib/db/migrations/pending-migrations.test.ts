import { cp, mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { migrateDatabase } from "../migrate";
import { createTestDatabase, type TestDatabase } from "../test-database";

import { defaultMigrationsDir, readMigrationFiles } from "./migration-files";
import { pendingMigrations, unmigratedDatabaseProblem } from "./pending-migrations";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(options: { migrate: boolean }): Promise<TestDatabase> {
  const created = await createTestDatabase(options);
  cleanups.push(() => created.drop());
  return created;
}

describe("the start-up check for unapplied migrations", () => {
  it("names every migration of a database that was never migrated, and tells the operator what to run", async () => {
    const { url } = await database({ migrate: false });
    const all = (await readMigrationFiles(defaultMigrationsDir)).map((file) => file.name);
    expect(await pendingMigrations(url)).toEqual(all);
    const problem = await unmigratedDatabaseProblem(url);
    expect(problem).toContain(`${all.length} migration(s) not applied`);
    expect(problem).toContain("npm run db:migrate");
  });

  it("lets a migrated database through, and stops it again when the release brings a new migration", async () => {
    const { url } = await database({ migrate: true });
    expect(await unmigratedDatabaseProblem(url)).toBeNull();

    const release = await mkdtemp(path.join(tmpdir(), "migrations-"));
    cleanups.push(() => rm(release, { recursive: true, force: true }));
    await cp(defaultMigrationsDir, release, { recursive: true });
    await mkdir(path.join(release, "29990101000000_next_release"));
    await writeFile(path.join(release, "29990101000000_next_release", "migration.sql"), "SELECT 1;\n");
    expect(await unmigratedDatabaseProblem(url, release)).toMatch(/1 migration\(s\) not applied \(29990101000000_next_release\)/);

    await migrateDatabase(url, { migrationsDir: release });
    expect(await unmigratedDatabaseProblem(url, release)).toBeNull();
  });

  it("refuses a database whose history this release does not know (code older than the database)", async () => {
    const { url } = await database({ migrate: true });
    const older = await mkdtemp(path.join(tmpdir(), "migrations-"));
    cleanups.push(() => rm(older, { recursive: true, force: true }));
    const files = await readMigrationFiles(defaultMigrationsDir);
    const first = files[0]!;
    await mkdir(path.join(older, first.name));
    await writeFile(path.join(older, first.name, "migration.sql"), first.script);
    expect(await unmigratedDatabaseProblem(url, older)).toMatch(/migration history does not match[\s\S]*missing from the migrations directory/);
  });
});

describe("the separate worker", () => {
  it("refuses to start against a database the release step has not migrated, and says why", async () => {
    const { url } = await database({ migrate: false });
    const { spawnSync } = await import("node:child_process");
    const run = spawnSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\[worker\] not starting: The database is behind this release: \d+ migration\(s\) not applied/);
  }, 90_000);
});
