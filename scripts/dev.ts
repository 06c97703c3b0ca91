import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

import { config, ConfigError } from "@/lib/config";
import { effectiveSettings } from "@/lib/config/effective-settings";

import { claimDevInstance } from "./lib/dev-instance-lock";
import { DATA_DIR, preparePortalEnvironment } from "./lib/portal-environment";

// `npm run dev`: everything the portal needs on a fresh machine, then Next's dev server.
async function main() {
  const log = (line: string) => console.log(`[portal] ${line}`);
  const port = String(config().PORT);
  const host = config().DEV_HOST;
  const url = `http://localhost:${port}`;
  mkdirSync(DATA_DIR, { recursive: true, mode: 0o755 });
  const instance = claimDevInstance(path.join(DATA_DIR, "dev-server.json"), url);
  if ("runningAt" in instance) {
    log(`the portal is already running from this folder (PID ${instance.runningAt.pid}) at ${instance.runningAt.url}`);
    log("stop that one first (Ctrl-C in its terminal, or `kill " + instance.runningAt.pid + "`)");
    process.exit(1);
  }
  process.on("exit", () => instance.release());
  const environment = await preparePortalEnvironment({ log });
  for (const line of effectiveSettings(config(), { databaseUrl: environment.env.DATABASE_URL, awsEndpoint: environment.env.AWS_ENDPOINT_URL })) {
    log(line);
  }
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
    log(`WARNING: listening on ${host}: anyone who can reach it may sign in as any demo user, admin included`);
  }
  const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", "-H", host, "-p", port], {
    stdio: "inherit",
    // The development sign-in is off unless a server asks for it; this launcher does, unless DEV_SIGN_IN=0.
    env: { ...process.env, ...environment.env, DEV_SIGN_IN: config().DEV_SIGN_IN === false ? "0" : "1" },
  });
  log(`portal starting on ${url}`);
  const exited = new Promise<void>((resolve) => next.once("exit", () => resolve()));
  let stopping = false;
  // The server (and the worker inside it) lets go of the database before the embedded PostgreSQL stops, so
  // Ctrl-C ends quietly instead of with the queue's "terminating connection" errors.
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next.exitCode === null && next.signalCode === null) next.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    await environment.stop();
    process.exit(code);
  };
  next.on("exit", (code) => void stop(code ?? 0));
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
