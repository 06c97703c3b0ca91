import { randomUUID } from "node:crypto";

import type { Prisma } from "@/lib/db/generated/client";
import {
  effectiveChannels,
  notificationPath,
  notificationTitle,
  type NotificationEventType,
} from "@/lib/domain/notification-events";

import type { EventPayload } from "@/lib/domain/notification-payload";
import { mailSettings } from "@/lib/config/mail-settings";
import { recipientsOf } from "./recipients";

export type { NotificationEventType } from "@/lib/domain/notification-events";

export type NotificationEvent = {
  type: NotificationEventType;
  requestId: string;
  actorId?: string | null;
  details?: Record<string, unknown>;
};

// Called inside the transaction that makes the change, so a change that rolls back notifies nobody. It only
// writes rows: the in-app notifications, and an outbox of e-mails and webhook calls that a queue job sends
// (lib/notifications/deliver-due.ts), so a slow or failing receiver never holds up or fails the change.
export async function notify(tx: Prisma.TransactionClient, event: NotificationEvent): Promise<void> {
  const request = await tx.accessRequest.findUniqueOrThrow({
    where: { id: event.requestId },
    include: { cluster: true, team: true, requester: true },
  });
  const actor = event.actorId ? await tx.user.findUnique({ where: { id: event.actorId } }) : null;
  const details = JSON.parse(JSON.stringify(event.details ?? {})) as Record<string, unknown>;
  const title = notificationTitle(event.type, {
    number: request.number,
    clusterName: request.cluster.name,
    environment: request.environment,
    actorName: actor?.name,
    details,
  });
  const payload: EventPayload = {
    type: event.type,
    occurredAt: new Date().toISOString(),
    title,
    path: notificationPath(event.type, request.id),
    request: {
      id: request.id,
      number: request.number,
      status: request.status,
      environment: request.environment,
      scenario: request.scenario,
      cluster: { name: request.cluster.name, arn: request.cluster.arn },
      team: { slug: request.team.slug, name: request.team.name },
      requester: { name: request.requester.name, email: request.requester.email },
    },
    actor: actor ? { name: actor.name, email: actor.email } : null,
    details,
  };
  const eventId = randomUUID();
  // Round-tripped through JSON already (details above), so it is a JSON value as stored.
  const common = { eventId, eventType: event.type, requestId: request.id, payload: payload as unknown as Prisma.InputJsonObject };

  const people = await recipientsOf(tx, event.type, request, event.actorId ?? null);
  const stored = await tx.notificationPreference.findMany({ where: { userId: { in: people }, eventType: event.type } });
  const wants = (userId: string) => effectiveChannels(stored.filter((p) => p.userId === userId))[event.type];
  const inApp = people.filter((id) => wants(id).inApp);
  const byMail = mailSettings() ? people.filter((id) => wants(id).email) : [];
  await tx.notification.createMany({ data: inApp.map((userId) => ({ userId, requestId: request.id, type: event.type, title })) });
  await tx.notificationDelivery.createMany({ data: byMail.map((userId) => ({ ...common, channel: "email" as const, userId })) });

  const webhooks = await tx.webhook.findMany({ where: { enabled: true, events: { has: event.type } }, select: { id: true } });
  await tx.notificationDelivery.createMany({ data: webhooks.map((w) => ({ ...common, channel: "webhook" as const, webhookId: w.id })) });
}
