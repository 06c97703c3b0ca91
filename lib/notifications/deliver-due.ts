import type { PrismaClient } from "@/lib/db/prisma-factory";
import type { NotificationDelivery, Webhook } from "@/lib/db/generated/client";
import { readJsonColumn } from "@/lib/domain/json/read-json-column";
import { logger } from "@/lib/log/logger";

import { eventPayloadSchema, type EventPayload } from "@/lib/domain/notification-payload";
import type { MailSettings } from "@/lib/config/mail-settings";
import { MAX_DELIVERY_ATTEMPTS, nextAttemptDelayMs } from "./retry-schedule";
import { sendEmail } from "./send-email";
import { sendWebhook } from "./send-webhook";

export type DeliveryDeps = {
  prisma: PrismaClient;
  mail: MailSettings | null;
  baseUrl: string;
  now?: () => Date;
  batchSize?: number;
};

export type DrainResult = { delivered: number; retrying: number; failed: number };

// A sender holds the rows it took this long; one that dies lets them go to the next drain.
const HOLD_MS = 2 * 60_000;

// The queue job's work: send every e-mail and webhook call that is due, one batch at a time, each outcome
// recorded on its row (the delivery log). Rows are taken with SKIP LOCKED, so several workers drain side by side.
export async function deliverDueNotifications(deps: DeliveryDeps): Promise<DrainResult> {
  const result: DrainResult = { delivered: 0, retrying: 0, failed: 0 };
  for (;;) {
    const batch = await takeDue(deps);
    if (batch.length === 0) return result;
    for (const row of batch) result[await deliverOne(deps, row)] += 1;
  }
}

async function takeDue(deps: DeliveryDeps): Promise<(NotificationDelivery & { webhook: Webhook | null })[]> {
  const now = deps.now?.() ?? new Date();
  const taken = await deps.prisma.$queryRaw<{ id: string }[]>`
    UPDATE "NotificationDelivery" SET "lockedUntil" = ${new Date(now.getTime() + HOLD_MS)}
    WHERE "id" IN (
      SELECT "id" FROM "NotificationDelivery"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
      ORDER BY "nextAttemptAt" LIMIT ${deps.batchSize ?? 20}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id"`;
  if (taken.length === 0) return [];
  return deps.prisma.notificationDelivery.findMany({
    where: { id: { in: taken.map((t) => t.id) } },
    include: { webhook: true },
    orderBy: { nextAttemptAt: "asc" },
  });
}

async function deliverOne(deps: DeliveryDeps, row: NotificationDelivery & { webhook: Webhook | null }): Promise<keyof DrainResult> {
  const now = deps.now?.() ?? new Date();
  const attempts = row.attempts + 1;
  try {
    const event = readJsonColumn(eventPayloadSchema, row.payload, { table: "NotificationDelivery", column: "payload", id: row.id });
    await send(deps, row, event, now);
    await deps.prisma.notificationDelivery.update({
      where: { id: row.id },
      data: { status: "delivered", attempts, deliveredAt: now, lockedUntil: null, lastError: null },
    });
    return "delivered";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const gaveUp = attempts >= MAX_DELIVERY_ATTEMPTS;
    await deps.prisma.notificationDelivery.update({
      where: { id: row.id },
      data: {
        status: gaveUp ? "failed" : "pending",
        attempts,
        lastError: message.slice(0, 1000),
        lockedUntil: null,
        nextAttemptAt: new Date(now.getTime() + nextAttemptDelayMs(attempts)),
      },
    });
    logger().warn(
      { deliveryId: row.id, channel: row.channel, webhookId: row.webhookId, attempts, err: message, gaveUp },
      gaveUp ? "notification delivery failed for good" : "notification delivery failed; will retry",
    );
    return gaveUp ? "failed" : "retrying";
  }
}

async function send(deps: DeliveryDeps, row: NotificationDelivery & { webhook: Webhook | null }, event: EventPayload, now: Date) {
  if (row.channel === "webhook") {
    if (!row.webhook) throw new Error("The webhook no longer exists");
    if (!row.webhook.enabled) throw new Error("The webhook is turned off");
    await sendWebhook(row.webhook, row.eventId, event, deps.baseUrl, now);
    return;
  }
  if (!deps.mail) throw new Error("E-mail is not configured (SMTP_URL or SMTP_HOST, and MAIL_FROM)");
  const user = row.userId ? await deps.prisma.user.findUnique({ where: { id: row.userId } }) : null;
  if (!user || user.deactivatedAt) throw new Error("The recipient is no longer an active person in the portal");
  await sendEmail(deps.mail, user.email, event, deps.baseUrl);
}
