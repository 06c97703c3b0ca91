import { config } from "@/lib/config";

import { startWorker, type Worker } from "./worker";

const globalForWorker = globalThis as unknown as { portalWorker?: Promise<Worker | null> };

// Started once per server process by instrumentation.ts; Next's dev server re-runs that hook on reloads.
export function startInProcessWorker(): Promise<Worker | null> {
  globalForWorker.portalWorker ??= (async () => {
    const env = config();
    if (!env.PROVISIONER_IN_PROCESS || !env.DATABASE_URL) return null;
    const worker = await startWorker({
      databaseUrl: env.DATABASE_URL,
      concurrency: env.PROVISIONER_CONCURRENCY,
      limits: { waitDeadlineMs: env.PROVISIONER_WAIT_DEADLINE_MINUTES * 60_000 },
    });
    // On shutdown the queue stops taking jobs and closes its connections before the process (and, under
    // `npm run dev`, the embedded database) goes away.
    const stopOnce = () => void worker.stop().finally(() => process.exit(0));
    process.once("SIGTERM", stopOnce);
    process.once("SIGINT", stopOnce);
    return worker;
  })();
  return globalForWorker.portalWorker;
}
