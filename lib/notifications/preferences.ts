import "server-only";

import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { db } from "@/lib/db/client";
import {
  effectiveChannels,
  NOTIFICATION_EVENT_TYPES,
  type ChannelChoice,
  type NotificationEventType,
} from "@/lib/domain/notification-events";

export async function readPreferences(userId: string): Promise<Record<NotificationEventType, ChannelChoice>> {
  return effectiveChannels(await db().notificationPreference.findMany({ where: { userId } }));
}

/** Stores a choice for every event (so a later change of the defaults does not change what a person chose). */
export async function savePreferences(
  user: { id: string; email: string },
  choices: Record<NotificationEventType, ChannelChoice>,
): Promise<void> {
  await db().$transaction(async (tx) => {
    for (const eventType of NOTIFICATION_EVENT_TYPES) {
      const choice = choices[eventType];
      await tx.notificationPreference.upsert({
        where: { userId_eventType: { userId: user.id, eventType } },
        create: { userId: user.id, eventType, ...choice },
        update: choice,
      });
    }
    await recordAuditEvent(tx, {
      actor: { kind: "user", userId: user.id, label: user.email },
      action: "notifications.preferences",
      details: { choices },
    });
  });
}
