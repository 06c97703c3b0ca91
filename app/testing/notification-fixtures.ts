import type { PrismaClient } from "@/lib/db/prisma-factory";

/** Fixtures the authorization matrix needs for notifications and webhooks. */
export type NotificationSetup = "notifications" | "webhook" | "webhook-delivery";

export function isNotificationSetup(setup: string): setup is NotificationSetup {
  return setup === "notifications" || setup === "webhook" || setup === "webhook-delivery";
}

// "notifications": one unread notification for every person about the given request, so each persona has
// one of their own to open. "webhook": a webhook. "webhook-delivery": a webhook with one failed delivery.
export async function prepareNotificationFixture(prisma: PrismaClient, setup: NotificationSetup, requestId: string): Promise<string> {
  if (setup === "notifications") {
    const users = await prisma.user.findMany({ select: { id: true } });
    await prisma.notification.createMany({ data: users.map((u) => ({ userId: u.id, requestId, type: "request.filed", title: "Matrix notification" })) });
    return requestId;
  }
  const hook = await prisma.webhook.create({
    data: { name: "matrix", url: "http://127.0.0.1:9/never", format: "generic", events: ["request.approved"], secret: "matrix-secret-0123456789" },
  });
  if (setup === "webhook") return hook.id;
  const delivery = await prisma.notificationDelivery.create({
    data: { channel: "webhook", eventId: "matrix-event", eventType: "request.approved", requestId, webhookId: hook.id, payload: {}, status: "failed", attempts: 10, lastError: "HTTP 500" },
  });
  return delivery.id;
}
