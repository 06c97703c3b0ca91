import "server-only";

import { randomBytes } from "node:crypto";

import { recordAuditEvent, type AuditActor } from "@/lib/db/audit/record-audit-event";
import { db } from "@/lib/db/client";
import type { WebhookInput } from "@/lib/domain/webhook-input";

// The secret itself never goes to the audit: whoever reads the history could sign as the portal.
export async function createWebhook(actor: AuditActor, input: WebhookInput): Promise<{ id: string; secret: string }> {
  const secret = input.secret || randomBytes(32).toString("hex");
  return db().$transaction(async (tx) => {
    const hook = await tx.webhook.create({ data: { name: input.name, url: input.url, format: input.format, events: input.events, secret } });
    await recordAuditEvent(tx, {
      actor,
      action: "webhook.create",
      details: { webhookId: hook.id, name: hook.name, url: hook.url, format: hook.format, events: hook.events },
    });
    return { id: hook.id, secret };
  });
}

export async function setWebhookEnabled(actor: AuditActor, webhookId: string, enabled: boolean): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.webhook.updateMany({ where: { id: webhookId }, data: { enabled } });
    if (count === 0) return false;
    await recordAuditEvent(tx, { actor, action: enabled ? "webhook.enable" : "webhook.disable", details: { webhookId } });
    return true;
  });
}

/** Removes the webhook and its delivery log; what was still to be sent is not sent. */
export async function removeWebhook(actor: AuditActor, webhookId: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const hook = await tx.webhook.findUnique({ where: { id: webhookId } });
    if (!hook) return false;
    await tx.webhook.delete({ where: { id: webhookId } });
    await recordAuditEvent(tx, { actor, action: "webhook.remove", details: { webhookId, name: hook.name, url: hook.url } });
    return true;
  });
}

/** Sends a failed (or still retrying) delivery again at the next drain, with a fresh set of attempts. */
export async function resendDelivery(actor: AuditActor, deliveryId: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.notificationDelivery.updateMany({
      where: { id: deliveryId, channel: "webhook", status: { in: ["failed", "pending"] } },
      data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null },
    });
    if (count === 0) return false;
    await recordAuditEvent(tx, { actor, action: "webhook.resend", details: { deliveryId } });
    return true;
  });
}

export const DELIVERY_LOG_SIZE = 20;

/** The admin page: every webhook with its latest deliveries (the delivery log). */
export function listWebhooks() {
  return db().webhook.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      url: true,
      format: true,
      events: true,
      enabled: true,
      createdAt: true,
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: DELIVERY_LOG_SIZE,
        select: { id: true, eventType: true, requestId: true, status: true, attempts: true, lastError: true, nextAttemptAt: true, deliveredAt: true, createdAt: true },
      },
    },
  });
}
export type WebhookListing = Awaited<ReturnType<typeof listWebhooks>>[number];
