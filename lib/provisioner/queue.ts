import pg from "pg";
import PgBoss from "pg-boss";

import { logger } from "@/lib/log/logger";
import { currentRequestId } from "@/lib/log/request-context";

export const PROVISION_QUEUE = "provision";
export const DRIFT_QUEUE = "drift-check";
// Reminders before end dates and the teardown at them (lib/provisioner/expiry); one sweep at a time.
export const EXPIRY_QUEUE = "request-expiry";
// Sends the outbox of e-mails and webhook calls (lib/notifications); one queued job drains everything due.
export const NOTIFICATION_QUEUE = "notification-delivery";

/** A provisioning job: the access request to run, and the id of the HTTP request that enqueued it, for its logs. */
export type ProvisionJob = { requestId: string; enqueuedBy?: string };

export type ProvisioningQueue = {
  boss: PgBoss;
  enqueue(requestId: string): Promise<void>;
  stop(): Promise<void>;
};

// pg-boss keeps its jobs in its own schema of the portal's database. "short" keeps at most one queued job per
// request (singletonKey), so approving, retrying and the sweeper can all enqueue freely; it does not stop a queued
// job from starting while an older one still looks active, which is what a worker that died mid-run leaves
// behind. That a request never runs twice at once is the request lease's job, not the queue's.
export async function openProvisioningQueue(databaseUrl: string, options: { supervise?: boolean } = {}): Promise<ProvisioningQueue> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", application_name: "msk-portal-queue", max: 4, supervise: options.supervise ?? false, schedule: options.supervise ?? false });
  boss.on("error", (error) => logger().error({ err: error }, "job queue error"));
  // Workers starting together would race pg-boss's own setup into deadlocks; one at a time is plenty.
  await withSetupLock(databaseUrl, async () => {
    await boss.start();
    // Steps may wait on AWS for a long time (MSK connectivity updates take 30+ minutes); the lease on the request
    // keeps a second run out even if the job expires and is handed out again.
    if (!(await boss.getQueue(PROVISION_QUEUE))) {
      await boss.createQueue(PROVISION_QUEUE, { name: PROVISION_QUEUE, policy: "short", expireInHours: 3, retryLimit: 20, retryDelay: 30, retryBackoff: true });
    }
    if (!(await boss.getQueue(DRIFT_QUEUE))) {
      await boss.createQueue(DRIFT_QUEUE, { name: DRIFT_QUEUE, policy: "singleton", expireInMinutes: 30 });
    }
    if (!(await boss.getQueue(EXPIRY_QUEUE))) {
      await boss.createQueue(EXPIRY_QUEUE, { name: EXPIRY_QUEUE, policy: "singleton", expireInMinutes: 15 });
    }
    if (!(await boss.getQueue(NOTIFICATION_QUEUE))) {
      await boss.createQueue(NOTIFICATION_QUEUE, { name: NOTIFICATION_QUEUE, policy: "short", expireInMinutes: 15, retryLimit: 5, retryDelay: 10, retryBackoff: true });
    }
  });
  return {
    boss,
    enqueue: async (requestId) => {
      const job: ProvisionJob = { requestId, enqueuedBy: currentRequestId() };
      await boss.send(PROVISION_QUEUE, job, { singletonKey: requestId });
    },
    stop: () => boss.stop({ graceful: true, timeout: 5_000 }),
  };
}

async function withSetupLock(databaseUrl: string, work: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "msk-portal-queue-setup" });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('msk-portal:queue-setup'))");
    await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
