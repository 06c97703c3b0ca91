"use client";

import { useActionState, useState } from "react";

import type { ActionState } from "@/lib/auth/action-state";
import { HUB_FIELDS } from "@/lib/domain/admin-input";
import { formString } from "@/lib/forms/form-string";

import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

import { savePlatformAction } from "./actions";

export type HubValues = Record<(typeof HUB_FIELDS)[number], string>;

const HUB_LABELS: Record<(typeof HUB_FIELDS)[number], { label: string; hint?: string }> = {
  accountId: { label: "Transit account" },
  region: { label: "Region", hint: "Plans for clusters in this Region use this hub" },
  transitGatewayId: { label: "Transit gateway" },
  clusterSide: { label: "Route table for cluster VPCs", hint: "MSK VPCs' attachments are associated here" },
  clientSide: { label: "Route table for client VPCs", hint: "Client VPCs' attachments are associated here (may be the same table)" },
  onPrem: { label: "Route table of the Direct Connect attachment" },
};

const EMPTY_HUB: HubValues = { accountId: "", region: "", transitGatewayId: "", clusterSide: "", clientSide: "", onPrem: "" };

export type PlatformValues = {
  crossAccountVpcVia: string;
  tgwDefaultPropagation: string;
  pathAnalysis: string;
  organizationArn: string;
  organizationAccountIds: string;
  ramSharingEnabled: boolean;
  hubs: HubValues[];
  dxGatewayOwnerAccountId: string;
};

function typedValues(form: FormData): PlatformValues {
  const text = (name: string) => formString(form.get(name));
  return {
    crossAccountVpcVia: text("crossAccountVpcVia"),
    tgwDefaultPropagation: text("tgwDefaultPropagation"),
    pathAnalysis: text("pathAnalysis"),
    organizationArn: text("organizationArn"),
    organizationAccountIds: text("organizationAccountIds"),
    ramSharingEnabled: form.get("ramSharingEnabled") === "on",
    hubs: [...new Set([...form.keys()].flatMap((k) => /^hubs\.(\d+)\./.exec(k)?.[1] ?? []))]
      .map(Number)
      .sort((a, b) => a - b)
      .map((i) => Object.fromEntries(HUB_FIELDS.map((f) => [f, text(`hubs.${i}.${f}`)])) as HubValues),
    dxGatewayOwnerAccountId: text("dxGatewayOwnerAccountId"),
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
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">
          A transit gateway with default route table propagation adds every new attachment&apos;s routes to its default table
        </legend>
        {[
          ["disable", "Plans turn that propagation off for the attachments they create (recommended)"],
          ["keep", "Plans keep it (the default table is meant to reach every attachment), with a warning"],
        ].map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="tgwDefaultPropagation" value={value} defaultChecked={values.tgwDefaultPropagation === value} />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-2" aria-describedby="pathAnalysis-help">
        <legend className="text-sm font-medium text-slate-800">Before a request becomes Active, prove its path with VPC Reachability Analyzer</legend>
        {[
          ["all", "Every request inside one Region, across accounts too (needs trusted access, below)"],
          ["same-account", "Requests whose client is in the cluster's account"],
          ["off", "Never (the client check still proves the path from the client)"],
        ].map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="pathAnalysis" value={value} defaultChecked={values.pathAnalysis === value} />
            {label}
          </label>
        ))}
        <p id="pathAnalysis-help" className="text-xs text-slate-600">
          Each analysis is billed by AWS. Across accounts, turn on Reachability Analyzer&apos;s trusted access in AWS Organizations and
          register each cluster account as a delegated administrator for it.
        </p>
        {errors?.pathAnalysis ? <p className="text-sm text-rose-700">{errors.pathAnalysis[0]}</p> : null}
      </fieldset>
      {/* Remounted whenever the values to show change (saved, or typed and refused), so React's reset of the
          form after its action restores those values rather than older ones. */}
      <HubRows key={JSON.stringify(values.hubs)} initial={values.hubs} errors={errors} />
      <TextField
        name="dxGatewayOwnerAccountId"
        label="Direct Connect gateway owner account"
        defaultValue={values.dxGatewayOwnerAccountId}
        hint="Where the DX gateway's association with the transit gateway is read; leave empty when the transit account owns it"
        errors={errors}
      />
      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/**
 * The hubs, one per Region, as rows an admin adds and removes. Inputs stay uncontrolled (the form posts them);
 * each row keeps a stable key, so removing one never moves what was typed into its neighbour.
 */
function HubRows({ initial, errors }: { initial: HubValues[]; errors?: Record<string, string[]> }) {
  const [rows, setRows] = useState(() => initial.map((values, i) => ({ key: i, values })));
  const [nextKey, setNextKey] = useState(initial.length);
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Transit gateway hubs (for on-premises clients and the hub option)</legend>
      {rows.length === 0 ? <p className="text-sm text-slate-500">No hub: on-premises clients cannot be connected.</p> : null}
      {rows.map((row, i) => (
        <div key={row.key} className="rounded-md border border-slate-200 p-3" data-testid="hub-row">
          <div className="mb-2 flex items-center justify-between">
            <span className="text-sm font-medium text-slate-700">Hub {i + 1}</span>
            <button
              type="button"
              className="text-xs text-red-700 hover:underline"
              onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
            >
              Remove hub {i + 1}
            </button>
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            {HUB_FIELDS.map((field) => (
              <TextField
                key={field}
                name={`hubs.${i}.${field}`}
                label={HUB_LABELS[field].label}
                hint={HUB_LABELS[field].hint}
                defaultValue={row.values[field]}
                errors={errors}
              />
            ))}
          </div>
        </div>
      ))}
      <button
        type="button"
        className="text-sm font-medium text-indigo-700 hover:underline"
        onClick={() => {
          setRows([...rows, { key: nextKey, values: EMPTY_HUB }]);
          setNextKey(nextKey + 1);
        }}
      >
        Add a hub
      </button>
    </fieldset>
  );
}
