"use client";

import { useActionState, useState } from "react";

import type { ActionState } from "@/lib/auth/action-state";
import { REQUEST_LIMITS } from "@/lib/domain/validation/request-limits";

import { inputStyles } from "../ui/button-styles";
import { FieldError } from "../ui/field-error";
import { FormMessage } from "../ui/form-message";
import { SubmitButton } from "../ui/submit-button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function ExtensionAskForm({ requestId, action }: { requestId: string; action: Action }) {
  const [state, formAction] = useActionState(action, null);
  // Controlled, so that what was typed survives the form reset after a refused submission.
  const [toEndsAt, setToEndsAt] = useState("");
  const [reason, setReason] = useState("");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-3" data-testid="extension-ask-form">
      <input type="hidden" name="requestId" value={requestId} />
      <div>
        <label htmlFor="extension-toEndsAt" className="block text-sm font-medium text-slate-800">
          New end date
        </label>
        <input id="extension-toEndsAt" name="toEndsAt" type="date" value={toEndsAt} onChange={(e) => setToEndsAt(e.target.value)} className={inputStyles} aria-describedby="extension-toEndsAt-error" aria-invalid={Boolean(errors.toEndsAt)} />
        <FieldError id="extension-toEndsAt-error" messages={errors.toEndsAt} />
      </div>
      <div>
        <label htmlFor="extension-reason" className="block text-sm font-medium text-slate-800">
          Reason
        </label>
        <textarea id="extension-reason" name="reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={REQUEST_LIMITS.comment} className={inputStyles} placeholder="Why the connection is needed longer; the approver reads it" aria-describedby="extension-reason-error" aria-invalid={Boolean(errors.reason)} />
        <FieldError id="extension-reason-error" messages={errors.reason} />
      </div>
      <SubmitButton pendingLabel="Asking…">Ask for an extension</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
