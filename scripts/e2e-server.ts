import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { createPrismaClient } from "@/lib/db/prisma-factory";
import { startSandbox } from "@/lib/sandbox";
import { seedDatabase } from "@/prisma/seed/seed-database";

import { createE2eDatabase } from "./lib/e2e-database";

// The Playwright webServer: a fresh, seeded database and a fresh sandbox AWS per run, then `next dev` on its
// own port and build directory, so it can run beside a developer's `npm run dev` without sharing anything.

export const E2E_PORT = 3100;
// Specs read this to reach the run's database (e.g. to create API tokens without clicking through /tokens).
export const DATABASE_URL_FILE = path.resolve(".data/e2e-database-url");
// And this one to reach the run's sandbox AWS: its control API (state snapshots) and, as a client account would,
// its AWS APIs (e.g. to change a network behind the portal's back).
export const SANDBOX_URL_FILE = path.resolve(".data/e2e-sandbox-url");
// Under .next so tsconfig's and eslint's existing excludes cover it.
const DIST_DIR = ".next/e2e";
const NEXT_ENV_DTS = path.resolve("next-env.d.ts");

const log = (line: string) => console.log(`[e2e] ${line}`);

// Next adds its type globs to the tsconfig it is given; this one is ours to change, so tsconfig.json stays as
// it is. (Turbopack cannot read a tsconfig inside the build directory, hence .data.)
function tsconfigForE2e(): string {
  const file = ".data/e2e-tsconfig.json";
  mkdirSync(".data", { recursive: true });
  writeFileSync(
    file,
    JSON.stringify(
      {
        extends: "../tsconfig.json",
        compilerOptions: { paths: { "@/*": ["../*"] } },
        include: ["../next-env.d.ts", "../**/*.ts", "../**/*.tsx", `${DIST_DIR}/types/**/*.ts`, `${DIST_DIR}/dev/types/**/*.ts`],
        exclude: ["../node_modules", "../.data", "../.next"],
      },
      null,
      2,
    ),
  );
  return file;
}

async function main() {
  const started = Date.now();
  // Next rewrites next-env.d.ts to point at the build directory it runs with; the developer's copy comes back on exit.
  const nextEnvDts = existsSync(NEXT_ENV_DTS) ? readFileSync(NEXT_ENV_DTS, "utf8") : undefined;
  const { database, embedded } = await createE2eDatabase({ embeddedDataDir: ".data/e2e-postgres", embeddedPort: 54339, log });
  log(`fresh database ${new URL(database.url).pathname.slice(1)}`);
  const prisma = createPrismaClient(database.url, 2);
  try {
    await seedDatabase(prisma);
  } finally {
    await prisma.$disconnect();
  }
  const sandbox = await startSandbox({ port: 0, timeScale: 0.001 });
  log(`sandbox AWS on ${sandbox.url}`);
  mkdirSync(path.dirname(DATABASE_URL_FILE), { recursive: true });
  writeFileSync(DATABASE_URL_FILE, database.url, { mode: 0o600 });
  writeFileSync(SANDBOX_URL_FILE, sandbox.url, { mode: 0o600 });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    PORT: String(E2E_PORT),
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DEV_SIGN_IN: "1",
    AUTH_OIDC_ISSUER: "",
    AUTH_OIDC_CLIENT_ID: "",
    AUTH_OIDC_CLIENT_SECRET: "",
    AWS_ENDPOINT_URL: sandbox.url,
    AWS_ACCESS_KEY_ID: "portal-local",
    AWS_SECRET_ACCESS_KEY: "portal-local-secret",
    AWS_REGION: "us-east-1",
    NEXT_TELEMETRY_DISABLED: "1",
    PORTAL_E2E_DIST_DIR: DIST_DIR,
    PORTAL_E2E_TSCONFIG: tsconfigForE2e(),
  };
  // A persisted Turbopack cache from an earlier run, after the code moved on under it, once left pages in an
  // endless hot-reload loop; a clean build costs some seconds and is always right.
  rmSync(DIST_DIR, { recursive: true, force: true });
  const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", "-p", String(E2E_PORT)], {
    stdio: "inherit",
    env,
  });
  log(`next dev starting on http://localhost:${E2E_PORT} (set up in ${Date.now() - started} ms)`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next.exitCode === null) {
      const exited = new Promise((resolve) => next.once("exit", resolve));
      next.kill("SIGTERM");
      const timer = setTimeout(() => next.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await sandbox.close().catch(() => undefined);
    await database.drop().catch((error: unknown) => console.error("[e2e] could not drop the test database", error));
    await embedded?.stop();
    rmSync(DATABASE_URL_FILE, { force: true });
    rmSync(SANDBOX_URL_FILE, { force: true });
    if (nextEnvDts !== undefined) writeFileSync(NEXT_ENV_DTS, nextEnvDts);
    log("stopped; test database dropped");
    process.exit(code);
  };
  next.on("exit", (code) => void stop(code ?? 1));
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
