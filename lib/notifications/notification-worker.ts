import type PgBoss from "pg-boss";

import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

import { deliverDueNotifications } from "./deliver-due";
import { mailSettings, portalBaseUrl } from "@/lib/config/mail-settings";
import { closeMailTransports } from "./send-email";

// The outbox is written by notify() inside other transactions, which cannot reach the queue; so the worker
// looks for due rows every few seconds and queues one drain job when there are some ("short" keeps it one).
export async function startNotificationDelivery(
  boss: PgBoss,
  queue: string,
  options: { pollEveryMs?: number } = {},
): Promise<{ stop(): void }> {
  await boss.work(queue, { pollingIntervalSeconds: 1 }, async () => {
    const result = await deliverDueNotifications({ prisma: db(), mail: mailSettings(), baseUrl: portalBaseUrl() });
    if (result.delivered + result.retrying + result.failed > 0) logger().info({ component: "notifications", ...result }, "notifications sent");
  });
  const wakeIfDue = async () => {
    const due = await db().notificationDelivery.findFirst({
      where: { status: "pending", nextAttemptAt: { lte: new Date() }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: new Date() } }] },
      select: { id: true },
    });
    if (due) await boss.send(queue, {}, { singletonKey: "due" });
  };
  const timer = setInterval(
    () => void wakeIfDue().catch((e: unknown) => logger().warn({ err: e }, "notification outbox check failed")),
    options.pollEveryMs ?? 3_000,
  );
  return {
    stop: () => {
      clearInterval(timer);
      closeMailTransports();
    },
  };
}
