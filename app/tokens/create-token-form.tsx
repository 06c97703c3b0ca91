"use client";

import { useActionState, useState } from "react";

import type { ActionState } from "@/lib/auth/action-state";
import { DEFAULT_TOKEN_LIFETIME_DAYS, TOKEN_LIFETIME_DAYS, TOKEN_SCOPE_LABELS, TOKEN_SCOPES } from "@/lib/domain/people/token-scope";
import { TEXT_LIMITS } from "@/lib/domain/validation/text-limits";
import { formString } from "@/lib/forms/form-string";

import { inputStyles } from "@/components/ui/button-styles";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

import { createTokenAction } from "./actions";

export function CreateTokenForm() {
  const [typed, setTyped] = useState("");
  const [state, action] = useActionState(async (prev: ActionState, form: FormData) => {
    setTyped(formString(form.get("name")));
    return createTokenAction(prev, form);
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="token-name" className="block text-sm font-medium text-slate-800">Token name</label>
          <input id="token-name" name="name" placeholder="ci-pipeline" maxLength={TEXT_LIMITS.tokenName} defaultValue={state && !state.ok ? typed : ""} className={inputStyles} aria-describedby="token-name-error" aria-invalid={Boolean(errors?.name)} />
        </div>
        <div>
          <label htmlFor="token-scope" className="block text-sm font-medium text-slate-800">May</label>
          <select id="token-scope" name="scope" defaultValue="write" className={inputStyles} aria-describedby="token-scope-error" aria-invalid={Boolean(errors?.scope)}>
            {TOKEN_SCOPES.map((s) => (
              <option key={s} value={s}>{TOKEN_SCOPE_LABELS[s]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="token-lifetime" className="block text-sm font-medium text-slate-800">Expires after</label>
          <select id="token-lifetime" name="lifetimeDays" defaultValue={String(DEFAULT_TOKEN_LIFETIME_DAYS)} className={inputStyles} aria-describedby="token-lifetime-error" aria-invalid={Boolean(errors?.lifetimeDays)}>
            {TOKEN_LIFETIME_DAYS.map((d) => (
              <option key={d} value={d}>{d} days</option>
            ))}
          </select>
        </div>
        <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
      </div>
      <FieldError id="token-name-error" messages={errors?.name} />
      <FieldError id="token-scope-error" messages={errors?.scope} />
      <FieldError id="token-lifetime-error" messages={errors?.lifetimeDays} />
      <FormMessage state={state} />
      {state?.ok && state.data?.token ? (
        <div className="rounded-md bg-slate-900 p-3">
          <label htmlFor="new-token" className="block text-xs text-slate-300">Your new token (use as <code>Authorization: Bearer …</code>)</label>
          <input id="new-token" readOnly value={state.data.token} className="mt-1 w-full bg-transparent font-mono text-sm text-emerald-300" data-testid="new-token" onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
    </form>
  );
}
