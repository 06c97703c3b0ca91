"use client";

import { useActionState } from "react";

import type { ActionState } from "@/lib/auth/action-state";

import { SubmitButton } from "@/components/ui/submit-button";

import { removeWebhookAction, resendDeliveryAction, toggleWebhookAction } from "./actions";

const ACTIONS = {
  enable: { run: toggleWebhookAction, label: "Turn on", pending: "Turning on…", field: "webhookId", variant: "secondary", extra: { enabled: "true" } },
  disable: { run: toggleWebhookAction, label: "Turn off", pending: "Turning off…", field: "webhookId", variant: "secondary", extra: { enabled: "false" } },
  remove: { run: removeWebhookAction, label: "Remove", pending: "Removing…", field: "webhookId", variant: "danger", extra: {} },
  resend: { run: resendDeliveryAction, label: "Send again", pending: "Queuing…", field: "deliveryId", variant: "secondary", extra: {} },
} as const satisfies Record<
  string,
  { run: (prev: ActionState, form: FormData) => Promise<ActionState>; label: string; pending: string; field: string; variant: "danger" | "secondary"; extra: Record<string, string> }
>;

export function WebhookButton({ operation, id }: { operation: keyof typeof ACTIONS; id: string }) {
  const spec = ACTIONS[operation];
  const [state, action] = useActionState(spec.run, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name={spec.field} value={id} />
      {Object.entries(spec.extra).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={spec.variant} pendingLabel={spec.pending}>{spec.label}</SubmitButton>
      <span className={`text-xs ${state?.ok ? "text-emerald-700" : "text-rose-700"}`} aria-live="polite">{state?.message}</span>
    </form>
  );
}
