"use client";

import { useActionState } from "react";

import { inputStyles } from "@/components/ui/button-styles";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/auth/action-state";
import { PLAN_TRAIT_LABELS, PLAN_TRAITS, type PolicyForm as PolicyValues } from "@/lib/domain/approval-policy";
import { DECOMMISSION_BY, DECOMMISSION_BY_LABELS } from "@/lib/domain/decommission-by";
import { CONNECTION_METHODS } from "@/lib/domain/plan/plan-types";
import { AUTH_MODES, ENVIRONMENTS } from "@/lib/domain/request-input";
import { SCENARIOS } from "@/lib/domain/scenario";

type Option = { value: string; label: string };
const plain = (values: readonly string[]): Option[] => values.map((v) => ({ value: v, label: v }));

function Choices({ name, legend, options, chosen }: { name: string; legend: string; options: Option[]; chosen: readonly string[] }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={chosen.includes(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Create or edit one approval policy. Lists left empty match anything. */
export function PolicyForm({
  id,
  isDefault = false,
  values,
  teams,
  clusters,
  action,
  submitLabel,
}: {
  id?: string;
  isDefault?: boolean;
  values?: PolicyValues;
  teams: { id: string; name: string }[];
  clusters: { arn: string; name: string }[];
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const errors = (prefix: string) =>
    state && !state.ok ? Object.entries(state.fieldErrors ?? {}).flatMap(([key, messages]) => (key === prefix || key.startsWith(`${prefix}.`) ? messages : [])) : undefined;
  const m = values?.match;
  const o = values?.outcome ?? { kind: "approvals" as const, count: 1, fromTeam: null, fromClusterOwner: false };
  const f = (name: string) => `${id ?? "new"}-${name}`;
  return (
    <form action={formAction} className="space-y-4" data-testid="policy-form">
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <div>
        <label htmlFor={f("name")} className="block text-sm font-medium text-slate-800">
          Name
        </label>
        <input id={f("name")} name="name" defaultValue={values?.name ?? ""} className={inputStyles} aria-describedby={f("name-error")} />
        <FieldError id={f("name-error")} messages={errors("name")} />
      </div>
      {isDefault ? (
        <p className="text-sm text-slate-600">The default policy matches every request no other policy matches.</p>
      ) : (
        <div className="space-y-3 rounded-md border border-slate-200 p-3">
          <p className="text-sm font-semibold text-slate-700">Matches requests where (empty lists match anything)</p>
          <Choices name="match.environments" legend="Environment" options={plain(ENVIRONMENTS)} chosen={m?.environments ?? []} />
          <Choices name="match.scenarios" legend="Scenario" options={plain(SCENARIOS)} chosen={m?.scenarios ?? []} />
          <Choices name="match.methods" legend="Connection method" options={plain(CONNECTION_METHODS)} chosen={m?.methods ?? []} />
          <Choices name="match.clusterArns" legend="Cluster" options={clusters.map((c) => ({ value: c.arn, label: c.name }))} chosen={m?.clusterArns ?? []} />
          <Choices name="match.teams" legend="Team" options={teams.map((t) => ({ value: t.id, label: t.name }))} chosen={m?.teams ?? []} />
          <Choices name="match.authModes" legend="Auth modes (any of)" options={plain(AUTH_MODES)} chosen={m?.authModes ?? []} />
          <Choices name="match.traits" legend="The plan (all of)" options={PLAN_TRAITS.map((t) => ({ value: t, label: PLAN_TRAIT_LABELS[t] }))} chosen={m?.traits ?? []} />
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor={f("accounts")} className="block text-sm font-medium text-slate-800">
                Client accounts
              </label>
              <input id={f("accounts")} name="match.clientAccountIds" defaultValue={m?.clientAccountIds.join(", ") ?? ""} placeholder="222222222222, …" className={inputStyles} aria-describedby={f("accounts-error")} />
              <FieldError id={f("accounts-error")} messages={errors("match.clientAccountIds")} />
            </div>
            <div>
              <label htmlFor={f("steps")} className="block text-sm font-medium text-slate-800">
                At least this many plan steps
              </label>
              <input id={f("steps")} name="match.minSteps" inputMode="numeric" defaultValue={m?.minSteps ?? ""} className={inputStyles} aria-describedby={f("steps-error")} />
              <FieldError id={f("steps-error")} messages={errors("match.minSteps")} />
            </div>
          </div>
        </div>
      )}
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">Outcome</legend>
        {(["approvals", "auto-approve", "reject"] as const).map((kind) => (
          <label key={kind} className="flex items-center gap-2 text-sm">
            <input type="radio" name="outcome.kind" value={kind} defaultChecked={o.kind === kind} />
            {{ approvals: "Approvals from people", "auto-approve": "Approve automatically", reject: "Reject automatically" }[kind]}
          </label>
        ))}
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor={f("count")} className="block text-sm font-medium text-slate-800">
              Approvals needed (distinct people)
            </label>
            <input id={f("count")} name="outcome.count" inputMode="numeric" defaultValue={o.kind === "approvals" ? o.count : 1} className={inputStyles} aria-describedby={f("count-error")} />
            <FieldError id={f("count-error")} messages={errors("outcome.count")} />
          </div>
          <div>
            <label htmlFor={f("team")} className="block text-sm font-medium text-slate-800">
              At least one from team
            </label>
            <select id={f("team")} name="outcome.fromTeam" defaultValue={o.kind === "approvals" ? (o.fromTeam ?? "") : ""} className={inputStyles} aria-describedby={f("team-error")}>
              <option value="">Any team</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <FieldError id={f("team-error")} messages={errors("outcome.fromTeam")} />
          </div>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="outcome.fromClusterOwner" defaultChecked={o.kind === "approvals" && o.fromClusterOwner} />
          At least one from the team that owns the cluster
        </label>
        <div>
          <label htmlFor={f("reason")} className="block text-sm font-medium text-slate-800">
            Reason when rejecting (the requester reads it)
          </label>
          <input id={f("reason")} name="outcome.reason" defaultValue={o.kind === "reject" ? o.reason : ""} className={inputStyles} aria-describedby={f("reason-error")} />
          <FieldError id={f("reason-error")} messages={errors("outcome.reason")} />
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="requireEndDate" defaultChecked={values?.requireEndDate ?? false} />
          Requests must have an end date
        </label>
        <div>
          <label htmlFor={f("days")} className="block text-sm font-medium text-slate-800">
            Longest duration (days)
          </label>
          <input id={f("days")} name="maxDurationDays" inputMode="numeric" defaultValue={values?.maxDurationDays ?? ""} className={inputStyles} aria-describedby={f("days-error")} />
          <FieldError id={f("days-error")} messages={errors("maxDurationDays")} />
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Who may decommission a connection this policy applied to</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {DECOMMISSION_BY.map((value) => (
            <label key={value} className="flex items-center gap-1.5 text-sm">
              <input type="radio" name="decommissionBy" value={value} defaultChecked={(values?.decommissionBy ?? "team-or-operator") === value} />
              {DECOMMISSION_BY_LABELS[value]}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">The portal still removes a connection at its end date, whichever is chosen.</p>
        <FieldError id={f("decommission-error")} messages={errors("decommissionBy")} />
      </fieldset>
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
