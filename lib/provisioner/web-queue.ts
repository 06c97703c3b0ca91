import "server-only";

import { config } from "@/lib/config";
import { logger } from "@/lib/log/logger";

import { openProvisioningQueue, type ProvisioningQueue } from "./queue";

const globalForQueue = globalThis as unknown as { portalQueue?: Promise<ProvisioningQueue> };

// The web server only sends jobs; workers (in this process or in `npm run worker`) run them. If sending fails
// the request is still committed in its new status, and the workers' sweeper enqueues it within seconds.
export async function enqueueRun(requestId: string): Promise<void> {
  try {
    globalForQueue.portalQueue ??= openProvisioningQueue(config().DATABASE_URL ?? "");
    await (await globalForQueue.portalQueue).enqueue(requestId);
  } catch (error) {
    globalForQueue.portalQueue = undefined;
    logger().error({ err: error, accessRequestId: requestId }, "could not enqueue the request; the sweeper will pick it up");
  }
}
