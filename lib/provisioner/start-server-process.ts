import { config, ConfigError } from "@/lib/config";
import { effectiveSettings } from "@/lib/config/effective-settings";
import { unmigratedDatabaseProblem } from "@/lib/db/migrations/pending-migrations";
import { logger } from "@/lib/log/logger";
import { observeHttpServer } from "@/lib/metrics/observe-http-server";

/**
 * What a portal server process does at start (Node's runtime only): validate every setting, so a bad one (or
 * the development sign-in in production) stops the server with a message naming the variable; refuse a
 * database that is behind this release's migrations; then start the in-process worker. Next only logs an error
 * thrown from register() and keeps serving, which would leave a server up that fails every request: so the
 * process ends instead.
 */
export async function startServerProcess(): Promise<void> {
  try {
    config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const databaseUrl = config().DATABASE_URL;
  // Without a URL (a development server before `npm run dev` provides one) there is nothing to check yet.
  const problem = databaseUrl ? await unmigratedDatabaseProblem(databaseUrl) : null;
  if (problem) {
    logger().fatal({ event: "start.refused" }, problem);
    process.exit(1);
  }
  observeHttpServer();
  logger().info({ event: "start", settings: effectiveSettings(config()) }, "portal server starting");
  if (config().NODE_ENV === "production" && config().TRUSTED_PROXY_HOPS === 0) {
    // Not fatal (a portal reached only through a private network may accept it), but never silent.
    logger().warn(
      { event: "start.proxy-hops" },
      "TRUSTED_PROXY_HOPS is 0: per-address rate limits read the client's own X-Forwarded-For, so a client can choose its address. Behind a load balancer, set it to the number of proxies in front.",
    );
  }
  const { startInProcessWorker } = await import("./in-process-worker");
  await startInProcessWorker();
}
