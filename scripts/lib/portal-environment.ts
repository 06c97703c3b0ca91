import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { config } from "@/lib/config";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma-factory";
import { startSandbox } from "@/lib/sandbox";
import { seedDemoData } from "@/prisma/seed/seed-demo-data";

export const DATA_DIR = path.resolve(".data");

export type PortalEnvironment = {
  env: Record<string, string>;
  stop(): Promise<void>;
};

// What `npm run dev` and the end-to-end tests need before Next starts: a database (the configured one, or an
// embedded PostgreSQL under .data/), migrated and, when embedded, seeded on its first start; the local
// sandbox AWS when no AWS endpoint is configured outside production; and an auth secret that survives restarts.
export async function preparePortalEnvironment(options: { log: (line: string) => void; sandboxPort?: number }) {
  const settings = config();
  const env: Record<string, string> = { NEXT_TELEMETRY_DISABLED: "1" };
  const stops: (() => Promise<void>)[] = [];
  mkdirSync(DATA_DIR, { recursive: true, mode: 0o755 });

  let databaseUrl = settings.DATABASE_URL;
  let embedded: EmbeddedPostgres | undefined;
  if (!databaseUrl) {
    options.log("DATABASE_URL is not set: starting the embedded PostgreSQL");
    embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres") });
    // As root under a folder closed to other users, the data lives elsewhere (see lib/db/embedded-postgres.ts).
    options.log(`embedded PostgreSQL ready on port ${embedded.port} (data in ${embedded.dataDir})`);
    stops.push(() => embedded!.stop());
    databaseUrl = embedded.url;
  }
  env.DATABASE_URL = databaseUrl;

  // The runner says what it applied, or that nothing was pending.
  await migrateDatabase(databaseUrl, { log: options.log });
  if (embedded) {
    const prisma = createPrismaClient(databaseUrl, 2);
    try {
      const outcome = await seedDemoData(prisma, { database: "embedded", demo: false });
      options.log(outcome.seeded ? `${outcome.message} (sign in as alice@example.com, bob@example.com, …)` : outcome.message);
    } finally {
      await prisma.$disconnect();
    }
  }

  env.AUTH_SECRET = settings.AUTH_SECRET ?? persistentSecret(path.join(DATA_DIR, "auth-secret"));

  if (!settings.AWS_ENDPOINT_URL && settings.NODE_ENV !== "production") {
    // The sandbox's AWS state lives beside the embedded database, so that restarting `npm run dev` does not
    // leave the portal's records pointing at resources a fresh sandbox never had.
    const sandbox = await startSandbox({
      port: options.sandboxPort ?? settings.SANDBOX_PORT,
      timeScale: settings.SANDBOX_TIME_SCALE,
      ...(embedded ? { stateFile: path.join(DATA_DIR, "sandbox-state.json") } : {}),
    });
    stops.push(() => sandbox.close());
    options.log(`sandbox AWS listening on ${sandbox.url} (no AWS_ENDPOINT_URL configured)`);
    Object.assign(env, {
      AWS_ENDPOINT_URL: sandbox.url,
      AWS_ACCESS_KEY_ID: "portal-local",
      AWS_SECRET_ACCESS_KEY: "portal-local-secret",
      AWS_REGION: settings.AWS_REGION,
    });
  }

  return {
    env,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  } satisfies PortalEnvironment;
}

function persistentSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
