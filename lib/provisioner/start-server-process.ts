import { config, ConfigError } from "@/lib/config";

/**
 * What a portal server process does at start (Node's runtime only): validate every setting, so a bad one (or
 * the development sign-in in production) stops the server with a message naming the variable, then start the
 * in-process worker. Next only logs an error thrown from register() and keeps serving, which would leave a
 * server up that fails every request: so the process ends instead.
 */
export async function startServerProcess(): Promise<void> {
  try {
    config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const { startInProcessWorker } = await import("./in-process-worker");
  await startInProcessWorker();
}
