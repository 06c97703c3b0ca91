import { randomBytes } from "node:crypto";

import pg from "pg";

import { migrateDatabase } from "./migrate";

export type TestDatabase = { url: string; drop(): Promise<void> };

const defaultAdminUrl = "postgresql://postgres@127.0.0.1:5432/postgres";
const localHosts = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

// Test tooling, not application code: it reads process.env directly because it must work before (and
// without) the app's validated config, e.g. in CI pointing at a throwaway server.
function adminUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? defaultAdminUrl;
}

// Tests create and drop databases; pointed at a shared server by a stray env var they could do real damage.
export function assertLocalDatabaseUrl(url: string): URL {
  const parsed = new URL(url);
  // `?host=/path` selects a Unix socket, which is local by definition.
  const host = parsed.hostname || parsed.searchParams.get("host") || "localhost";
  if (!localHosts.has(host) && !host.startsWith("/")) {
    throw new Error(
      `Refusing to create test databases on non-local host "${host}"; tests must only use a local server`,
    );
  }
  return parsed;
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const admin = assertLocalDatabaseUrl(adminUrl());
  // Lower-case letters and digits only, so the name needs no quoting rules beyond the double quotes.
  const name = `test_${Date.now().toString(36)}_${randomBytes(5).toString("hex")}`;
  await withAdminClient(admin.toString(), (client) => client.query(`CREATE DATABASE "${name}"`));

  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  const database: TestDatabase = {
    url: url.toString(),
    // FORCE (PostgreSQL 13+) terminates connections a test left open, which would otherwise block the drop.
    drop: () =>
      withAdminClient(admin.toString(), (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      ).then(() => {}),
  };

  if (options.migrate ?? true) {
    try {
      await migrateDatabase(database.url);
    } catch (error) {
      await database.drop();
      throw error;
    }
  }
  return database;
}
