"use client";

import { useActionState, useState } from "react";

import type { ActionState } from "@/lib/auth/action-state";
import { formString } from "@/lib/forms/form-string";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

import { savePlatformAction } from "./actions";

export type PlatformValues = {
  crossAccountVpcVia: string;
  organizationArn: string;
  organizationAccountIds: string;
  ramSharingEnabled: boolean;
  hub: { accountId: string; region: string; transitGatewayId: string; sharedServices: string; onPrem: string; dxAllowedPrefixes: string };
};

function typedValues(form: FormData): PlatformValues {
  const text = (name: string) => formString(form.get(name));
  return {
    crossAccountVpcVia: text("crossAccountVpcVia"),
    organizationArn: text("organizationArn"),
    organizationAccountIds: text("organizationAccountIds"),
    ramSharingEnabled: form.get("ramSharingEnabled") === "on",
    hub: {
      accountId: text("hub.accountId"),
      region: text("hub.region"),
      transitGatewayId: text("hub.transitGatewayId"),
      sharedServices: text("hub.sharedServices"),
      onPrem: text("hub.onPrem"),
      dxAllowedPrefixes: text("hub.dxAllowedPrefixes"),
    },
  };
}

export function PlatformForm({ values: saved }: { values: PlatformValues }) {
  // React resets a form after its action; a refused form comes back with what was typed, to be corrected.
  const [typed, setTyped] = useState<PlatformValues>();
  const [state, action] = useActionState(async (prev: ActionState, form: FormData) => {
    setTyped(typedValues(form));
    return savePlatformAction(prev, form);
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok && typed ? typed : saved;
  return (
    <form action={action} className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">VPC clients in other accounts connect through</legend>
        {[
          ["peering", "VPC peering (one peering per client VPC)"],
          ["transit-gateway", "The transit gateway hub (same Region only; other Regions still peer)"],
        ].map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="crossAccountVpcVia" value={value} defaultChecked={values.crossAccountVpcVia === value} />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="organizationArn" label="AWS Organization ARN (optional)" defaultValue={values.organizationArn} errors={errors} />
        <TextField name="organizationAccountIds" label="Member accounts" defaultValue={values.organizationAccountIds} hint="Accounts in the Organization, separated by commas" errors={errors} />
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="ramSharingEnabled" defaultChecked={values.ramSharingEnabled} />
          RAM sharing with the Organization is enabled (shares need no invitation inside it)
        </label>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Transit gateway hub (for on-premises clients and the hub option)</legend>
        <TextField name="hub.accountId" label="Transit account" defaultValue={values.hub.accountId} errors={errors} hint="Leave empty for no hub" />
        <TextField name="hub.region" label="Region" defaultValue={values.hub.region} errors={errors} />
        <TextField name="hub.transitGatewayId" label="Transit gateway" defaultValue={values.hub.transitGatewayId} errors={errors} />
        <TextField name="hub.sharedServices" label="TGW route table for VPC attachments" defaultValue={values.hub.sharedServices} errors={errors} />
        <TextField name="hub.onPrem" label="TGW route table of the Direct Connect attachment" defaultValue={values.hub.onPrem} errors={errors} />
        <TextField name="hub.dxAllowedPrefixes" label="Allowed prefixes of the DX gateway association" defaultValue={values.hub.dxAllowedPrefixes} hint="AWS-side CIDRs advertised to on-premises" errors={errors} />
      </fieldset>
      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
