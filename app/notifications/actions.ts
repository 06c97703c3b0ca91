"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { NOTIFICATION_EVENT_TYPES, type ChannelChoice, type NotificationEventType } from "@/lib/domain/notification-events";
import { formString } from "@/lib/forms/form-string";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/inbox";
import { savePreferences } from "@/lib/notifications/preferences";

// Opening a notification marks it read and goes to the request it is about.
export async function openNotificationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let target: string | null = null;
  const state = await actionResult(async () => {
    const user = await requireActionUser("notifications.own");
    target = await markNotificationRead(user.id, formString(form.get("notificationId")));
    return target ? { ok: true, message: "Opened." } : { ok: false, message: "No such notification of yours." };
  });
  if (target) {
    revalidatePath("/", "layout");
    redirect(target);
  }
  return state;
}

// Takes nothing from the form: it marks every unread notification of the person who asks.
export async function markAllReadAction(): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("notifications.own");
    const count = await markAllNotificationsRead(user.id);
    revalidatePath("/", "layout");
    return { ok: true, message: count === 1 ? "1 notification marked read." : `${count} notifications marked read.` };
  });
}

// Every event gets both checkboxes on the page; an unticked box is absent from the form, which means "off".
export async function savePreferencesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("notifications.own");
    const choices = Object.fromEntries(
      NOTIFICATION_EVENT_TYPES.map((type) => [type, { inApp: form.get(`${type}.inApp`) === "on", email: form.get(`${type}.email`) === "on" }]),
    ) as Record<NotificationEventType, ChannelChoice>;
    await savePreferences(user, choices);
    revalidatePath("/notifications/preferences");
    return { ok: true, message: "Your notification choices are saved." };
  });
}
