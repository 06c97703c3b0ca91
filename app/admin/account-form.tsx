"use client";

import { useActionState, useId, useState } from "react";

import { inputStyles } from "@/components/ui/button-styles";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { TEXT_LIMITS } from "@/lib/domain/validation/text-limits";
import type { ActionState } from "@/lib/auth/action-state";
import { formString } from "@/lib/forms/form-string";

import { saveAccountAction } from "./actions";

export type AccountValues = {
  id: string;
  name: string;
  kind: string;
  roleArn: string;
  externalId: string;
  regions: string;
  teamIds: string[];
};

const KINDS = [
  ["CLUSTER_OWNER", "Cluster owner (MSK clusters live here)"],
  ["APPLICATION", "Application (client VPCs)"],
  ["TRANSIT", "Transit (the TGW hub)"],
  ["SAAS_PROVIDER", "SaaS provider"],
] as const;

const typedValues = (form: FormData): AccountValues => ({
  id: formString(form.get("id")),
  name: formString(form.get("name")),
  kind: formString(form.get("kind")),
  roleArn: formString(form.get("roleArn")),
  externalId: formString(form.get("externalId")),
  regions: formString(form.get("regions")),
  teamIds: form.getAll("teamIds").map((v) => formString(v)),
});

export function AccountForm({
  values,
  submitLabel,
  teams,
}: {
  values?: AccountValues;
  submitLabel: string;
  teams: { id: string; name: string }[];
}) {
  // React resets a form after its action; a refused form comes back with what was typed, to be corrected.
  const [typed, setTyped] = useState<AccountValues>();
  const [state, action] = useActionState(async (prev: ActionState, form: FormData) => {
    setTyped(typedValues(form));
    return saveAccountAction(prev, form);
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const shown = state && !state.ok ? typed : values;
  const kindId = `${useId()}kind`;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      <TextField name="id" label="Account id" defaultValue={shown?.id} placeholder="123456789012" errors={errors} />
      <TextField name="name" label="Name" defaultValue={shown?.name} placeholder="payments-prod" maxLength={TEXT_LIMITS.accountName} errors={errors} />
      <div>
        <label htmlFor={kindId} className="block text-sm font-medium text-slate-800">
          Kind
        </label>
        <select id={kindId} name="kind" defaultValue={shown?.kind ?? "APPLICATION"} className={`${inputStyles} mt-1`} aria-describedby={`${kindId}-error`}>
          {KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <FieldError id={`${kindId}-error`} messages={errors?.kind} />
      </div>
      <TextField name="regions" label="Regions" defaultValue={shown?.regions} placeholder="us-east-1, eu-west-1" hint="Where the portal looks and acts in this account" errors={errors} />
      <TextField
        name="roleArn"
        label="Role the portal assumes"
        defaultValue={shown?.roleArn}
        placeholder="arn:aws:iam::123456789012:role/MskConnectivityPortal"
        hint="Leave empty for the role kit's role in the account (PORTAL_ROLE_NAME)"
        errors={errors}
      />
      <TextField
        name="externalId"
        label="External id (optional)"
        defaultValue={shown?.externalId}
        hint="Leave empty for the portal's default (PORTAL_EXTERNAL_ID)"
        maxLength={TEXT_LIMITS.externalId}
        errors={errors}
      />
      <fieldset className="sm:col-span-2" aria-describedby={`${kindId}-teams-error`}>
        <legend className="text-sm font-medium text-slate-800">Teams that file for clients in this account</legend>
        <p className="text-xs text-slate-500">Requesters of these teams may connect VPCs of this account; nobody else may.</p>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {teams.map((t) => (
            <label key={t.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="teamIds" value={t.id} defaultChecked={shown?.teamIds.includes(t.id) ?? false} />
              {t.name}
            </label>
          ))}
        </div>
        <FieldError id={`${kindId}-teams-error`} messages={errors?.teamIds} />
      </fieldset>
      <div className="flex items-end gap-3 sm:col-span-2">
        <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
