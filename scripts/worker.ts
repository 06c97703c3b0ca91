import { config, ConfigError } from "@/lib/config";
import { effectiveSettings } from "@/lib/config/effective-settings";
import { unmigratedDatabaseProblem } from "@/lib/db/migrations/pending-migrations";
import { startWorkerMetricsServer } from "@/lib/ops/metrics/worker-metrics-server";
import { startWorker } from "@/lib/provisioner/worker";

import { requireDatabaseUrl } from "./lib/require-database-url";

// `npm run worker`: a provisioning worker on its own. Several may run against one database; they share the
// queue and a request is only ever run by one of them at a time.
async function main() {
  const databaseUrl = requireDatabaseUrl();
  // Like the web server: a worker of the new release against a database the release step has not migrated
  // would fail on the first query that touches a new column, far from the cause.
  const problem = await unmigratedDatabaseProblem(databaseUrl);
  if (problem) {
    console.error(`[worker] not starting: ${problem}`);
    process.exit(1);
  }
  for (const line of effectiveSettings(config(), { process: "worker" })) console.log(`[worker] ${line}`);
  const worker = await startWorker({
    databaseUrl,
    concurrency: config().PROVISIONER_CONCURRENCY,
    limits: { waitDeadlineMs: config().PROVISIONER_WAIT_DEADLINE_MINUTES * 60_000 },
  });
  const env = config();
  const metrics = env.WORKER_METRICS_PORT
    ? await startWorkerMetricsServer({ host: env.WORKER_METRICS_HOST, port: env.WORKER_METRICS_PORT, token: env.METRICS_TOKEN })
    : null;
  if (metrics) console.log(`[worker] metrics at ${metrics.url} (Authorization: Bearer <METRICS_TOKEN>)`);
  console.log("[worker] waiting for approved requests");
  const stop = async () => {
    await metrics?.close();
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
