import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";

import { assertLocalDatabaseUrl, createTestDatabase } from "./test-database";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("test databases", () => {
  it.each([
    "postgresql://postgres@127.0.0.1:5432/postgres",
    "postgresql://postgres@localhost/postgres",
    "postgresql://postgres@[::1]:5432/postgres",
    "postgresql:///postgres?host=/var/run/postgresql",
  ])("may be created on the local server %s", (url) => {
    expect(() => assertLocalDatabaseUrl(url)).not.toThrow();
  });

  it.each(["postgresql://app@db.prod.internal:5432/portal", "postgresql://app@10.0.0.5/portal"])(
    "are never created on another host %s",
    async (url) => {
      vi.stubEnv("TEST_DATABASE_ADMIN_URL", url);
      await expect(createTestDatabase()).rejects.toThrow("Refusing to create test databases on non-local host");
    },
  );

  it("are created migrated, and dropped even while a connection is still open", async () => {
    const database = await createTestDatabase();
    const name = new URL(database.url).pathname.slice(1);
    expect(name).toMatch(/^test_[a-z0-9]+_[0-9a-f]{10}$/);
    const leftOpen = new pg.Client({ connectionString: database.url });
    leftOpen.on("error", () => {});
    await leftOpen.connect();
    const migrations = await leftOpen.query(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL",
    );
    expect(migrations.rowCount).toBeGreaterThan(0);

    await database.drop();

    const admin = new pg.Client({ connectionString: new URL("/postgres", database.url).toString() });
    await admin.connect();
    const remaining = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    await admin.end();
    expect(remaining.rowCount).toBe(0);

    // A second drop is harmless, so cleanup code need not track whether it ran.
    await expect(database.drop()).resolves.toBeUndefined();
  });
});
