import "server-only";

import { db } from "@/lib/db/client";
import { countRequestsByStatus } from "@/lib/db/requests/count-requests-by-status";
import { portalMetrics } from "@/lib/metrics/portal-metrics";
import { queueStats } from "@/lib/provisioner/queue-stats";

/** The Prometheus text: this process's counters, and the database-derived gauges read now. */
export async function scrapeMetrics(): Promise<{ contentType: string; body: string }> {
  const metrics = portalMetrics();
  const prisma = db();
  const [byStatus, queues] = await Promise.all([countRequestsByStatus(prisma), queueStats(prisma)]);
  for (const [status, count] of Object.entries(byStatus)) metrics.requestsByStatus.set({ status }, count);
  metrics.queueDepth.reset();
  metrics.queueOldestAge.reset();
  for (const q of queues) {
    metrics.queueDepth.set({ queue: q.queue }, q.waiting);
    metrics.queueOldestAge.set({ queue: q.queue }, q.oldestAgeSeconds);
  }
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}
