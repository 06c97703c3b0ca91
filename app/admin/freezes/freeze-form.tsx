"use client";

import { useActionState } from "react";

import { inputStyles } from "@/components/ui/button-styles";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/auth/action-state";

export function FreezeForm({ action }: { action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction] = useActionState(action, null);
  const errors = (name: string) => (state && !state.ok ? state.fieldErrors?.[name] : undefined);
  return (
    <form action={formAction} className="space-y-3" data-testid="freeze-form">
      <div className="grid gap-3 sm:grid-cols-2">
        {(["startsAt", "endsAt"] as const).map((name) => (
          <div key={name}>
            <label htmlFor={`freeze-${name}`} className="block text-sm font-medium text-slate-800">
              {name === "startsAt" ? "Starts (UTC)" : "Ends (UTC)"}
            </label>
            <input id={`freeze-${name}`} name={name} type="datetime-local" step={1} className={inputStyles} aria-describedby={`freeze-${name}-error`} />
            <FieldError id={`freeze-${name}-error`} messages={errors(name)} />
          </div>
        ))}
      </div>
      <div>
        <label htmlFor="freeze-reason" className="block text-sm font-medium text-slate-800">
          Reason
        </label>
        <input id="freeze-reason" name="reason" className={inputStyles} placeholder="Year-end change freeze" aria-describedby="freeze-reason-error" />
        <FieldError id="freeze-reason-error" messages={errors("reason")} />
      </div>
      <SubmitButton pendingLabel="Saving…">Add freeze</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
