import { withRequestId } from "@/lib/log/request-context";
import { newRequestId } from "@/lib/log/request-id";

import { EXPIRY_QUEUE, type ProvisioningQueue } from "../queue";
import { runExpirySweep } from "./run-expiry-sweep";

// Every minute by default: end dates are days, but a teardown should not start much later than its date.
export const DEFAULT_EXPIRY_CRON = "* * * * *";

/** Runs the expiry sweep on pg-boss's schedule; pg-boss makes one worker of many take each tick. */
export async function startExpirySchedule(queue: ProvisioningQueue, cron: string, log: (line: string) => void): Promise<void> {
  await queue.boss.schedule(EXPIRY_QUEUE, cron);
  await queue.boss.work(EXPIRY_QUEUE, () =>
    withRequestId(newRequestId(), async () => {
      const done = await runExpirySweep({ now: new Date(), enqueue: (id) => queue.enqueue(id) });
      if (done.reminded + done.held + done.decommissioned > 0) {
        log(`expiry: ${done.reminded} reminder(s), ${done.held} held, ${done.decommissioned} decommission(s) started`);
      }
    }),
  );
}
