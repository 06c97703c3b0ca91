"use client";

import { useActionState } from "react";

import { inputStyles } from "@/components/ui/button-styles";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

import type { ActionState } from "@/lib/auth/action-state";

/** An admin lets this one request through the change freeze; the reason goes to its history. */
export function FreezeOverrideForm({ requestId, action }: { requestId: string; action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors?.reason : undefined;
  const id = `override-reason-${requestId}`;
  return (
    <form action={formAction} className="space-y-2 border-t border-slate-100 pt-3" data-testid="freeze-override-form">
      <input type="hidden" name="requestId" value={requestId} />
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Override the freeze for this request
      </label>
      <textarea id={id} name="reason" rows={2} className={inputStyles} placeholder="Why it cannot wait (recorded in the audit history)" aria-describedby={`${id}-error`} aria-invalid={Boolean(errors)} />
      <FieldError id={`${id}-error`} messages={errors} />
      <SubmitButton pendingLabel="Saving…">Let it through</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
