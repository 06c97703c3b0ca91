import { settlePendingApprovals } from "@/lib/db/approval-policies/settle-approval";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { withRequestId } from "@/lib/log/request-context";
import { newRequestId } from "@/lib/log/request-id";
import { startNotificationDelivery } from "@/lib/notifications/notification-worker";

import { DEFAULT_LIMITS, type RunnerLimits } from "./backoff";
import { checkDriftOfActiveRequests } from "./check-drift";
import { DEFAULT_EXPIRY_CRON, startExpirySchedule } from "./expiry/expiry-schedule";
import { platformRunnerDeps } from "./platform-runner-deps";
import { DRIFT_QUEUE, NOTIFICATION_QUEUE, openProvisioningQueue, PROVISION_QUEUE, type ProvisionJob, type ProvisioningQueue } from "./queue";
import { withRequestLease } from "./request-lease";
import { runRequest } from "./run-request";

const IN_FLIGHT = ["APPROVED", "PROVISIONING", "VERIFYING", "ROLLING_BACK", "DECOMMISSIONING"] as const;

export type Worker = { queue: ProvisioningQueue; sweep(): Promise<number>; stop(): Promise<void> };

// The worker takes request ids off the durable queue and drives each with runRequest under the request's lease.
// A sweeper re-enqueues every request that is mid-flight, so nothing is lost if a process died between a
// commit and its enqueue, or in the middle of a run.
export async function startWorker(options: {
  databaseUrl: string;
  concurrency: number;
  limits?: Partial<RunnerLimits>;
  sweepEveryMs?: number;
  driftCron?: string | null;
  // Reminders before end dates and the teardown at them; null: not on this worker.
  expiryCron?: string | null;
  log?: (line: string) => void;
}): Promise<Worker> {
  const log = options.log ?? ((line: string) => logger().info({ component: "worker" }, line));
  const queue = await openProvisioningQueue(options.databaseUrl, { supervise: true });
  const limits = { ...DEFAULT_LIMITS, ...options.limits };

  const handle = async (requestId: string) => {
    const deps = await platformRunnerDeps(limits, log);
    // Not taking the lease is normal: the sweeper enqueues in-flight requests while a worker is running them.
    await withRequestLease(options.databaseUrl, requestId, () => runRequest(requestId, deps));
  };
  for (let i = 0; i < options.concurrency; i++) {
    await queue.boss.work<ProvisionJob>(PROVISION_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
      // A job logs under the id of the request that enqueued it (the sweeper's and cron's get a fresh one).
      for (const job of jobs) await withRequestId(job.data.enqueuedBy ?? newRequestId(), () => handle(job.data.requestId));
    });
  }

  const sweep = async () => {
    // What the approval policy may now approve by itself (a change freeze ended) becomes APPROVED first.
    await settlePendingApprovals();
    const rows = await db().accessRequest.findMany({ where: { status: { in: [...IN_FLIGHT] } }, select: { id: true } });
    for (const row of rows) await queue.enqueue(row.id);
    return rows.length;
  };
  await sweep();
  const timer = setInterval(() => void sweep().catch((e: unknown) => log(`sweep failed: ${String(e)}`)), options.sweepEveryMs ?? 15_000);

  // E-mails and webhook calls from the notification outbox; a slow receiver holds up none of the steps above.
  const notifications = await startNotificationDelivery(queue.boss, NOTIFICATION_QUEUE);

  if (options.expiryCron !== null) await startExpirySchedule(queue, options.expiryCron ?? DEFAULT_EXPIRY_CRON, log);

  if (options.driftCron !== null) {
    await queue.boss.schedule(DRIFT_QUEUE, options.driftCron ?? "*/15 * * * *");
    await queue.boss.work(DRIFT_QUEUE, () =>
      withRequestId(newRequestId(), async () => {
        const deps = await platformRunnerDeps(limits, log);
        await checkDriftOfActiveRequests(deps);
      }),
    );
  }

  return {
    queue,
    sweep,
    stop: async () => {
      clearInterval(timer);
      notifications.stop();
      await queue.stop();
    },
  };
}
