"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/auth/action-state";

/** One button that posts hidden fields (move, delete), with its outcome beside it. */
export function RowAction({
  fields,
  label,
  action,
  variant = "secondary",
}: {
  fields: Record<string, string>;
  label: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  variant?: "secondary" | "danger";
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} pendingLabel="…">
        {label}
      </SubmitButton>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}
