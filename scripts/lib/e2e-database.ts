import path from "node:path";

import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";

// A fresh, migrated database for one end-to-end run: on the local PostgreSQL when there is one, else on an
// embedded one (its own data folder and port per server, so the dev and production runs can start together).
export async function createE2eDatabase(options: {
  embeddedDataDir: string;
  embeddedPort: number;
  log: (line: string) => void;
}): Promise<{ database: TestDatabase; embedded?: EmbeddedPostgres }> {
  try {
    return { database: await createTestDatabase() };
  } catch (error) {
    if (!isConnectionRefused(error)) throw error;
    options.log(`no PostgreSQL on 127.0.0.1:5432: starting the embedded one (data in ${options.embeddedDataDir})`);
    const embedded = await startEmbeddedPostgres({ dataDir: path.resolve(options.embeddedDataDir), port: options.embeddedPort });
    process.env.TEST_DATABASE_ADMIN_URL = embedded.url;
    try {
      return { database: await createTestDatabase(), embedded };
    } catch (inner) {
      await embedded.stop();
      throw inner;
    }
  }
}

function isConnectionRefused(error: unknown): boolean {
  const errors: unknown[] = error instanceof AggregateError ? error.errors : [error];
  return errors.some((e) => typeof e === "object" && e !== null && "code" in e && e.code === "ECONNREFUSED");
}
