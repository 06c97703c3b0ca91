"use server";

import { revalidatePath } from "next/cache";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { fieldErrors } from "@/lib/domain/request-input";
import { webhookInputSchema } from "@/lib/domain/webhook-input";
import { formString } from "@/lib/forms/form-string";
import { createWebhook, removeWebhook, resendDelivery, setWebhookEnabled } from "@/lib/notifications/manage-webhooks";

const PAGE = "/admin/webhooks";

async function administrator() {
  const user = await requireActionUser("webhooks.manage");
  return { kind: "user" as const, userId: user.id, label: user.email };
}

export async function createWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const actor = await administrator();
    const parsed = webhookInputSchema.safeParse({
      name: formString(form.get("name")),
      url: formString(form.get("url")),
      format: formString(form.get("format")),
      events: form.getAll("events").map((v) => formString(v)),
      secret: formString(form.get("secret")),
    });
    if (!parsed.success) return { ok: false, message: "Some fields need attention.", fieldErrors: fieldErrors(parsed.error) };
    const made = await createWebhook(actor, parsed.data);
    revalidatePath(PAGE);
    return parsed.data.secret
      ? { ok: true, message: "Webhook added. It signs with the secret you gave." }
      : { ok: true, message: "Webhook added. Its signing secret is shown once: copy it to the receiver now.", data: { secret: made.secret } };
  });
}

export async function toggleWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const actor = await administrator();
    const enabled = formString(form.get("enabled")) === "true";
    const done = await setWebhookEnabled(actor, formString(form.get("webhookId")), enabled);
    revalidatePath(PAGE);
    return done ? { ok: true, message: enabled ? "Turned on." : "Turned off." } : { ok: false, message: "No such webhook." };
  });
}

export async function removeWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const actor = await administrator();
    const done = await removeWebhook(actor, formString(form.get("webhookId")));
    revalidatePath(PAGE);
    return done ? { ok: true, message: "Webhook removed." } : { ok: false, message: "No such webhook." };
  });
}

export async function resendDeliveryAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const actor = await administrator();
    const done = await resendDelivery(actor, formString(form.get("deliveryId")));
    revalidatePath(PAGE);
    return done ? { ok: true, message: "Queued to be sent again." } : { ok: false, message: "Only a failed or waiting delivery can be sent again." };
  });
}
