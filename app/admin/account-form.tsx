"use client";

import { useActionState, useId } from "react";

import { inputStyles } from "@/components/ui/button-styles";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

import { saveAccountAction } from "./actions";

export type AccountValues = { id: string; name: string; kind: string; roleArn: string; externalId: string; regions: string };

const KINDS = [
  ["CLUSTER_OWNER", "Cluster owner (MSK clusters live here)"],
  ["APPLICATION", "Application (client VPCs)"],
  ["TRANSIT", "Transit (the TGW hub)"],
  ["SAAS_PROVIDER", "SaaS provider"],
] as const;

export function AccountForm({ values, submitLabel }: { values?: AccountValues; submitLabel: string }) {
  const [state, action] = useActionState(saveAccountAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const kindId = `${useId()}kind`;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      <TextField name="id" label="Account id" defaultValue={values?.id} placeholder="123456789012" errors={errors} />
      <TextField name="name" label="Name" defaultValue={values?.name} placeholder="payments-prod" errors={errors} />
      <div>
        <label htmlFor={kindId} className="block text-sm font-medium text-slate-800">
          Kind
        </label>
        <select id={kindId} name="kind" defaultValue={values?.kind ?? "APPLICATION"} className={`${inputStyles} mt-1`} aria-describedby={`${kindId}-error`}>
          {KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <FieldError id={`${kindId}-error`} messages={errors?.kind} />
      </div>
      <TextField name="regions" label="Regions" defaultValue={values?.regions} placeholder="us-east-1, eu-west-1" hint="Where the portal looks and acts in this account" errors={errors} />
      <TextField name="roleArn" label="Role the portal assumes" defaultValue={values?.roleArn} placeholder="arn:aws:iam::123456789012:role/MskConnectivityPortal" errors={errors} />
      <TextField name="externalId" label="External id (optional)" defaultValue={values?.externalId} errors={errors} />
      <div className="flex items-end gap-3 sm:col-span-2">
        <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
