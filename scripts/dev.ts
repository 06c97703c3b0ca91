import { spawn } from "node:child_process";

import { config, ConfigError } from "@/lib/config";

import { preparePortalEnvironment } from "./lib/portal-environment";

// `npm run dev`: everything the portal needs on a fresh machine, then Next's dev server.
async function main() {
  const log = (line: string) => console.log(`[portal] ${line}`);
  const environment = await preparePortalEnvironment({ log });
  const port = String(config().PORT);
  const host = config().DEV_HOST;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
    log(`WARNING: listening on ${host}: anyone who can reach it may sign in as any demo user, admin included`);
  }
  const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", "-H", host, "-p", port], {
    stdio: "inherit",
    env: { ...process.env, ...environment.env },
  });
  log(`portal starting on http://localhost:${port}`);
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
