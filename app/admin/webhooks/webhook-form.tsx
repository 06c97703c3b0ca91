"use client";

import { useActionState, useId } from "react";

import { inputStyles } from "@/components/ui/button-styles";
import { CopyBlock } from "@/components/copy-block";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

import { createWebhookAction } from "./actions";

type Choice = { value: string; label: string };

export function WebhookForm({ formats, events }: { formats: Choice[]; events: Choice[] }) {
  const [state, action] = useActionState(createWebhookAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const id = useId();
  const secret = state?.ok ? state.data?.secret : undefined;
  return (
    <form action={action} className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <TextField name="name" label="Name" maxLength={100} placeholder="platform-network channel" errors={errors} />
        <TextField name="url" label="URL" maxLength={2000} placeholder="https://hooks.slack.com/services/…" errors={errors} />
      </div>
      <div>
        <label htmlFor={`${id}-format`} className="block text-sm font-medium text-slate-800">Format</label>
        <select id={`${id}-format`} name="format" className={inputStyles} aria-describedby={`${id}-format-error`} defaultValue="generic">
          {formats.map((f) => (
            <option key={f.value} value={f.value}>{f.label}</option>
          ))}
        </select>
        <FieldError id={`${id}-format-error`} messages={errors?.format} />
      </div>
      <fieldset aria-describedby={`${id}-events-error`}>
        <legend className="text-sm font-medium text-slate-800">Events</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {events.map((e) => (
            <label key={e.value} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="events" value={e.value} className="h-4 w-4" />
              {e.label}
            </label>
          ))}
        </div>
        <FieldError id={`${id}-events-error`} messages={errors?.events} />
      </fieldset>
      <TextField
        name="secret"
        label="Signing secret"
        hint="The HMAC-SHA256 key of the X-Portal-Signature header (16+ characters). Leave empty to have one made and shown once."
        maxLength={200}
        errors={errors}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Adding…">Add webhook</SubmitButton>
        <FormMessage state={state} />
      </div>
      {secret ? <CopyBlock label="Signing secret" text={secret} /> : null}
    </form>
  );
}
