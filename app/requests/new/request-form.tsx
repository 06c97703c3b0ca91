"use client";

import Link from "next/link";
import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from "react";

import { buttonStyles, inputStyles } from "@/components/ui/button-styles";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-message";
import { AUTH_MODES, ENVIRONMENTS, type AuthMode } from "@/lib/domain/request-input";
import type { RequestPrefill } from "@/lib/domain/request-prefill";
import { REQUEST_LIMITS } from "@/lib/domain/validation/request-limits";

import { submitRequest } from "./actions";
import { DetectedScenario } from "./detected-scenario";
import { DuplicateWarning } from "./duplicate-warning";
import { initialValues } from "./initial-values";

type ClusterOption = { arn: string; name: string; accountId: string; region: string; vpcId: string; authModes: string[]; accountName: string };
type ClientType = "aws-vpc" | "on-prem" | "saas";
/** A registered account the requester's teams may file for, with the Regions the portal works in there. */
type AccountOption = { id: string; name: string; regions: string[] };

const AUTH_LABELS: Record<AuthMode, string> = {
  iam: "IAM",
  scram: "SASL/SCRAM",
  tls: "Mutual TLS",
  plaintext: "Plaintext (unauthenticated)",
};

const CLIENT_TYPES: { value: ClientType; label: string; hint: string }[] = [
  { value: "aws-vpc", label: "An AWS VPC", hint: "EC2, ECS, EKS or Lambda in a VPC of any account or region" },
  { value: "on-prem", label: "On-premises", hint: "A data centre reached over Direct Connect" },
  { value: "saas", label: "A SaaS provider", hint: "A vendor's AWS account connects over PrivateLink" },
];

export function RequestForm({
  clusters,
  teams,
  regions,
  accounts,
  prefill,
}: {
  clusters: ClusterOption[];
  teams: { id: string; name: string }[];
  regions: string[];
  accounts: AccountOption[];
  /** Opened from an existing request ("edit and re-file", "file a similar request"). */
  prefill?: RequestPrefill;
}) {
  const [state, action, pending] = useActionState(submitRequest, null);
  // Submitted by hand rather than through <form action>: React resets a form after its action, which would
  // throw away the radio choice and other controlled fields of a form that came back with errors.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const start = initialValues(prefill, clusters[0]?.arn ?? "", regions.includes("us-east-1") ? "us-east-1" : (regions[0] ?? ""));
  const [clusterArn, setClusterArn] = useState(start.clusterArn);
  const [clientType, setClientType] = useState<ClientType>(start.clientType);
  const [vpc, setVpc] = useState(start.vpc);
  const [onPrem, setOnPrem] = useState(start.onPrem);
  const [saas, setSaas] = useState(start.saas);
  const [authModes, setAuthModes] = useState<AuthMode[]>(start.authModes);
  const [multiVpc, setMultiVpc] = useState(start.multiVpc);
  const cluster = clusters.find((c) => c.arn === clusterArn);
  // A registered account offers only its own Regions; anything else typed is refused at its field on filing.
  const account = accounts.find((a) => a.id === vpc.accountId.trim());
  const accountRegions = account ? account.regions : regions;
  const chooseAccount = (accountId: string) => {
    const chosen = accounts.find((a) => a.id === accountId.trim());
    const region = chosen && !chosen.regions.includes(vpc.region) ? (chosen.regions[0] ?? vpc.region) : vpc.region;
    setVpc({ ...vpc, accountId, region });
  };

  // Errors for a list field arrive per item ("client.cidrs.1"); they are shown together under the field.
  const errorsFor = (field: string) =>
    Object.entries(errors)
      .filter(([key]) => key === field || key.startsWith(`${field}.`))
      .flatMap(([, messages]) => messages);

  const field = (name: string, label: string, input: (describedBy: string, invalid: boolean) => ReactNode, hint?: string) => {
    const id = `${name}-error`;
    const messages = errorsFor(name);
    return (
      <div>
        <label htmlFor={name} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
        <div className="mt-1">{input(id, messages.length > 0)}</div>
        <FieldError id={id} messages={messages} />
      </div>
    );
  };

  return (
    <form onSubmit={submit} className="grid gap-6 lg:grid-cols-3" noValidate>
      <div className="space-y-6 lg:col-span-2">
        {prefill ? (
          <p className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900" data-testid="filed-from">
            <input type="hidden" name="filedFrom" value={prefill.from.id} />
            Prefilled from request #{prefill.from.number}: change what needs changing, then file it. The new request records where it came from.
          </p>
        ) : null}
        <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <legend className="px-1 text-sm font-semibold text-slate-700">Cluster</legend>
          {field("clusterArn", "MSK cluster", (d, invalid) => (
            <select id="clusterArn" name="clusterArn" className={inputStyles} value={clusterArn} onChange={(e) => setClusterArn(e.target.value)} aria-describedby={d} aria-invalid={invalid}>
              {clusters.map((c) => (
                <option key={c.arn} value={c.arn}>
                  {c.name} — {c.accountName} ({c.accountId}), {c.region}
                </option>
              ))}
            </select>
          ))}
          {teams.length > 1
            ? field("teamId", "On behalf of team", (d, invalid) => (
                <select id="teamId" name="teamId" className={inputStyles} aria-describedby={d} aria-invalid={invalid} defaultValue={start.teamId ?? teams[0]?.id}>
                  {teams.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              ))
            : null}
        </fieldset>

        <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <legend className="px-1 text-sm font-semibold text-slate-700">Where does the client run?</legend>
          <div className="grid gap-2 sm:grid-cols-3" role="radiogroup" aria-label="Client location">
            {CLIENT_TYPES.map((t) => (
              <label key={t.value} className={`cursor-pointer rounded-md p-3 ring-1 ring-inset ${clientType === t.value ? "bg-indigo-50 ring-indigo-500" : "ring-slate-300"}`}>
                <input type="radio" name="client.type" value={t.value} checked={clientType === t.value} onChange={() => setClientType(t.value)} className="mr-2" />
                <span className="text-sm font-medium">{t.label}</span>
                <span className="mt-1 block text-xs text-slate-500">{t.hint}</span>
              </label>
            ))}
          </div>
          <FieldError id="client-error" messages={errors["client.type"] ?? errors.client} />

          {clientType === "aws-vpc" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              {field(
                "client.accountId",
                "AWS account id",
                (d, invalid) => (
                  <>
                    <input id="client.accountId" name="client.accountId" inputMode="numeric" placeholder="123456789012" list="client-accounts" className={inputStyles} value={vpc.accountId} onChange={(e) => chooseAccount(e.target.value)} aria-describedby={d} aria-invalid={invalid} />
                    <datalist id="client-accounts">
                      {accounts.map((a) => (
                        <option key={a.id} value={a.id}>
                          {a.name}
                        </option>
                      ))}
                    </datalist>
                  </>
                ),
                accounts.length > 0
                  ? account
                    ? `${account.name}, registered for your team`
                    : `Your teams' accounts: ${accounts.map((a) => `${a.name} (${a.id})`).join(", ")}`
                  : "No account is registered for your teams yet: ask a platform admin to register yours",
              )}
              {field("client.region", "Region", (d, invalid) => (
                <select id="client.region" name="client.region" className={inputStyles} value={vpc.region} onChange={(e) => setVpc({ ...vpc, region: e.target.value })} aria-describedby={d} aria-invalid={invalid}>
                  {accountRegions.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              ))}
              {field("client.vpcId", "VPC id", (d, invalid) => (
                <input id="client.vpcId" name="client.vpcId" placeholder="vpc-0abc1234def567890" className={inputStyles} value={vpc.vpcId} onChange={(e) => setVpc({ ...vpc, vpcId: e.target.value })} aria-describedby={d} aria-invalid={invalid} />
              ))}
              {field(
                "client.securityGroupIds",
                "Client security groups",
                (d, invalid) => (
                  <input id="client.securityGroupIds" name="client.securityGroupIds" placeholder="sg-0abc1234def567890" className={inputStyles} value={vpc.securityGroupIds} onChange={(e) => setVpc({ ...vpc, securityGroupIds: e.target.value })} aria-describedby={d} aria-invalid={invalid} />
                ),
                "The groups attached to your client; separate several with commas",
              )}
              <div className="sm:col-span-2">
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="preferredMethod"
                    value="multi-vpc-private-connectivity"
                    checked={multiVpc}
                    onChange={(e) => setMultiVpc(e.target.checked)}
                    className="mt-1"
                    aria-describedby="preferredMethod-error"
                  />
                  <span>
                    Connect through MSK multi-VPC private connectivity (PrivateLink) instead of peering
                    <span className="block text-xs text-slate-500">
                      Works when the VPCs&apos; CIDRs overlap. Same Region only; IAM, SASL/SCRAM or TLS; turning it on reboots the cluster&apos;s brokers.
                    </span>
                  </span>
                </label>
                <FieldError id="preferredMethod-error" messages={errorsFor("preferredMethod")} />
              </div>
              <div className="sm:col-span-2">
                {field(
                  "client.subnetIds",
                  "Client subnets (optional)",
                  (d, invalid) => (
                    <input id="client.subnetIds" name="client.subnetIds" placeholder="subnet-0abc1234def567890, …" className={inputStyles} value={vpc.subnetIds} onChange={(e) => setVpc({ ...vpc, subnetIds: e.target.value })} aria-describedby={d} aria-invalid={invalid} />
                  ),
                  "Leave empty to route from every subnet of the VPC",
                )}
              </div>
            </div>
          ) : null}

          {clientType === "on-prem"
            ? field(
                "client.cidrs",
                "On-premises CIDRs",
                (d, invalid) => (
                  <textarea id="client.cidrs" name="client.cidrs" rows={3} placeholder={"192.168.10.0/24\n172.16.4.0/22"} className={`${inputStyles} font-mono`} value={onPrem} onChange={(e) => setOnPrem(e.target.value)} aria-describedby={d} aria-invalid={invalid} />
                ),
                "Private ranges of the hosts that run the client, one per line",
              )
            : null}

          {clientType === "saas" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              {field("client.providerName", "Provider", (d, invalid) => (
                <input id="client.providerName" name="client.providerName" placeholder="StreamCo" maxLength={REQUEST_LIMITS.providerName} className={inputStyles} value={saas.providerName} onChange={(e) => setSaas({ ...saas, providerName: e.target.value })} aria-describedby={d} aria-invalid={invalid} />
              ))}
              {field("client.accountId", "Provider's AWS account id", (d, invalid) => (
                <input id="client.accountId" name="client.accountId" inputMode="numeric" placeholder="123456789012" className={inputStyles} value={saas.accountId} onChange={(e) => setSaas({ ...saas, accountId: e.target.value })} aria-describedby={d} aria-invalid={invalid} />
              ))}
            </div>
          ) : null}
        </fieldset>

        <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <legend className="px-1 text-sm font-semibold text-slate-700">Access</legend>
          <div>
            <span className="block text-sm font-medium text-slate-800" id="authModes-label">
              Authentication
            </span>
            <div className="mt-2 flex flex-wrap gap-3" role="group" aria-labelledby="authModes-label" aria-describedby="authModes-error">
              {AUTH_MODES.map((m) => {
                const offered = !cluster || cluster.authModes.includes(m);
                return (
                  <label key={m} className="flex items-center gap-2 rounded-md px-3 py-2 text-sm ring-1 ring-inset ring-slate-300">
                    <input
                      type="checkbox"
                      name="authModes"
                      value={m}
                      checked={authModes.includes(m)}
                      onChange={(e) => setAuthModes(e.target.checked ? [...authModes, m] : authModes.filter((x) => x !== m))}
                    />
                    {AUTH_LABELS[m]}
                    {offered ? null : <span className="text-xs text-amber-700">(not enabled on this cluster)</span>}
                  </label>
                );
              })}
            </div>
            <FieldError id="authModes-error" messages={errorsFor("authModes")} />
          </div>
          {authModes.includes("iam") ? (
            <div>
              <p className="text-xs text-slate-500">
              The client&apos;s IAM policy grants only the topics and groups named here (end a name with * for a prefix); leave all three
              empty for every topic and group of the cluster.
            </p>
            <div className="mt-2 grid gap-4 sm:grid-cols-3">
              {(
                [
                  ["readTopics", "Topics to read", "orders, payments.*"],
                  ["writeTopics", "Topics to write", "audit-events"],
                  ["consumerGroups", "Consumer groups", "orders-reader"],
                ] as const
              ).map(([name, label, placeholder]) => (
                <div key={name}>
                  {field(`topicAccess.${name}`, label, (d, invalid) => (
                    <input id={`topicAccess.${name}`} name={`topicAccess.${name}`} defaultValue={start.topics[name]} placeholder={placeholder} className={inputStyles} aria-describedby={d} aria-invalid={invalid} />
                  ))}
                </div>
              ))}
            </div>
            </div>
          ) : null}
          {field(
            "expectedGbPerMonth",
            "Expected traffic (GB per month, optional)",
            (d, invalid) => (
              <input id="expectedGbPerMonth" name="expectedGbPerMonth" inputMode="numeric" placeholder="e.g. 500" className={`${inputStyles} max-w-xs`} aria-describedby={d} aria-invalid={invalid} />
            ),
            "Produced and consumed together; prices the plan's per-GB lines. Leave empty and they stay per GB",
          )}
          {field("environment", "Environment", (d, invalid) => (
            <select id="environment" name="environment" className={`${inputStyles} max-w-xs`} defaultValue={start.environment} aria-describedby={d} aria-invalid={invalid}>
              {ENVIRONMENTS.map((e) => (
                <option key={e} value={e}>
                  {e}
                </option>
              ))}
            </select>
          ))}
          {field(
            "endsAt",
            "End date (optional)",
            (d, invalid) => <input id="endsAt" name="endsAt" type="date" className={`${inputStyles} max-w-xs`} aria-describedby={d} aria-invalid={invalid} />,
            "The portal removes the connection at 00:00 UTC that day, with reminders 7 days and 1 day before; your team can ask for an extension. Leave empty to keep it until it is decommissioned",
          )}
          {field(
            "justification",
            "Justification",
            (d, invalid) => (
              <textarea id="justification" name="justification" defaultValue={start.justification} rows={3} maxLength={REQUEST_LIMITS.justification} className={inputStyles} placeholder="What the client does with the cluster and why it needs network access" aria-describedby={d} aria-invalid={invalid} />
            ),
            `At least 20 characters, at most ${REQUEST_LIMITS.justification}; approvers read this`,
          )}
        </fieldset>
        {errors.fileAnyway ? <DuplicateWarning messages={errors.fileAnyway} links={errors.duplicateOf ?? []} /> : null}
        <FormMessage state={state} />
        <div className="flex gap-3">
          <button type="submit" disabled={pending} aria-disabled={pending} className={buttonStyles.primary}>
            {pending ? "Filing…" : "File request"}
          </button>
          <Link href="/requests" className={buttonStyles.secondary}>
            Cancel
          </Link>
        </div>
      </div>
      <aside className="lg:col-span-1">
        <DetectedScenario
          cluster={cluster}
          client={
            clientType === "aws-vpc"
              ? { type: "aws-vpc", accountId: vpc.accountId.trim(), region: vpc.region, vpcId: vpc.vpcId.trim() }
              : { type: clientType }
          }
        />
      </aside>
    </form>
  );
}
