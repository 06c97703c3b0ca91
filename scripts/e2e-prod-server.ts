import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { createPrismaClient } from "@/lib/db/prisma-factory";
import { startSandbox } from "@/lib/sandbox";
import { seedDatabase } from "@/prisma/seed/seed-database";

import { startTestIdentityProvider } from "../e2e/oidc/test-identity-provider";
import { TEST_ROLE_MAP, TEST_TEAM_PREFIX } from "../e2e/oidc/test-identities";
import { E2E_METRICS_TOKEN } from "../e2e/production/metrics-token";

import { createE2eDatabase } from "./lib/e2e-database";
import { buildStandalone } from "./lib/standalone-build";

// The Playwright webServer of the `production` project: the standalone server of a real `next build` (what the
// Docker image runs), with NODE_ENV=production, a fresh database, the sandbox AWS and a real OpenID Connect
// provider on loopback as its only sign-in. E2E_REUSE_BUILD=1 keeps an earlier build (while writing specs).

export const E2E_PRODUCTION_PORT = 3200;
// Its own build directory: neither the dev e2e server's (.next/e2e) nor a developer's .next.
const DIST_DIR = ".next/e2e-production";
const NEXT_ENV_DTS = path.resolve("next-env.d.ts");

const log = (line: string) => console.log(`[e2e:production] ${line}`);

async function main() {
  const started = Date.now();
  const portalUrl = `http://localhost:${E2E_PRODUCTION_PORT}`;
  const nextEnvDts = existsSync(NEXT_ENV_DTS) ? readFileSync(NEXT_ENV_DTS, "utf8") : undefined;
  const standalone = await buildStandalone({ distDir: DIST_DIR, reuse: process.env.E2E_REUSE_BUILD === "1", log }).finally(() => {
    if (nextEnvDts !== undefined) writeFileSync(NEXT_ENV_DTS, nextEnvDts);
  });

  const { database, embedded } = await createE2eDatabase({ embeddedDataDir: ".data/e2e-production-postgres", embeddedPort: 54340, log });
  const prisma = createPrismaClient(database.url, 2);
  try {
    await seedDatabase(prisma);
  } finally {
    await prisma.$disconnect();
  }
  const sandbox = await startSandbox({ port: 0, timeScale: 0.001 });
  const idp = await startTestIdentityProvider({ portalUrl });
  log(`identity provider at ${idp.issuer}, sandbox AWS at ${sandbox.url}`);

  const server = spawn(process.execPath, ["server.js"], {
    cwd: standalone,
    stdio: "inherit",
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(E2E_PRODUCTION_PORT),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_URL: portalUrl,
      AUTH_OIDC_ISSUER: idp.issuer,
      AUTH_OIDC_CLIENT_ID: idp.clientId,
      AUTH_OIDC_CLIENT_SECRET: idp.clientSecret,
      AUTH_OIDC_ROLE_MAP: TEST_ROLE_MAP,
      AUTH_OIDC_TEAM_PREFIX: TEST_TEAM_PREFIX,
      AWS_ENDPOINT_URL: sandbox.url,
      AWS_ACCESS_KEY_ID: "portal-local",
      AWS_SECRET_ACCESS_KEY: "portal-local-secret",
      AWS_REGION: "us-east-1",
      METRICS_TOKEN: E2E_METRICS_TOKEN,
    },
  });
  log(`standalone server starting on ${portalUrl} (ready to start after ${Math.round((Date.now() - started) / 1000)} s)`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await idp.close().catch(() => undefined);
    await sandbox.close().catch(() => undefined);
    await database.drop().catch((error: unknown) => console.error("[e2e:production] could not drop the test database", error));
    await embedded?.stop();
    log("stopped; test database dropped");
    process.exit(code);
  };
  server.on("exit", (code) => void stop(code ?? 1));
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
