import Link from "next/link";

import { Card } from "@/components/ui/card";
import { formatTime } from "@/components/ui/format-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { loadPolicies } from "@/lib/db/approval-policies/policy-rows";
import { listClustersToManage, listTeams } from "@/lib/db/catalog/list-catalog";
import { db } from "@/lib/db/client";
import { describeMatch, describeOutcome } from "@/lib/domain/approval-policy";

import { RowAction } from "../row-action";
import { deletePolicyAction, movePolicyAction, savePolicyAction } from "./actions";
import { PolicyForm } from "./policy-form";

export const metadata = { title: "Approval policies" };

export default async function ApprovalPoliciesPage() {
  await requirePageUser("approval-policy.manage");
  const [policies, teams, clusters] = await Promise.all([loadPolicies(db()), listTeams(), listClustersToManage()]);
  const team = (id: string) => teams.find((t) => t.id === id)?.name ?? "a removed team";
  const cluster = (arn: string) => clusters.find((c) => c.arn === arn)?.name ?? arn;
  const movable = policies.filter((p) => !p.isDefault);
  return (
    <>
      <PageHeader
        title="Approval policies"
        description="When a request's plan is computed, the first policy below that matches decides how it is approved; the default policy decides when none does. Every edit is a new version; requests keep the version that applied to them."
      />
      <div className="space-y-6">
        <Card title="In order">
          <ol className="divide-y divide-slate-100">
            {policies.map((p) => {
              const place = movable.findIndex((m) => m.id === p.id);
              return (
                <li key={p.id} className="space-y-2 py-4" data-testid="policy-row">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="font-medium">
                      {p.isDefault ? "Default · " : `${place + 1}. `}
                      {p.name} <span className="text-xs font-normal text-slate-500">version {p.version} · {p.updatedBy}, {formatTime(p.updatedAt)}</span>
                    </p>
                    <Link href={`/admin/policies/${p.id}`} className="text-sm text-indigo-700 hover:underline">
                      Edit
                    </Link>
                  </div>
                  <p className="text-sm text-slate-600">Matches {p.isDefault ? "every request no other policy matches" : describeMatch(p.match, { team, cluster })}.</p>
                  <p className="text-sm text-slate-800">
                    {describeOutcome(p.outcome, team)}
                    {p.requireEndDate ? " · end date required" : ""}
                    {p.decommissionBy === "operators" ? " · only operators decommission" : ""}
                    {p.maxDurationDays ? ` · at most ${p.maxDurationDays} days` : ""}
                  </p>
                  {p.isDefault ? null : (
                    <div className="flex flex-wrap gap-2">
                      {place > 0 ? <RowAction fields={{ id: p.id, direction: "up" }} label="Move up" action={movePolicyAction} /> : null}
                      {place < movable.length - 1 ? <RowAction fields={{ id: p.id, direction: "down" }} label="Move down" action={movePolicyAction} /> : null}
                      <RowAction fields={{ id: p.id }} label="Delete" variant="danger" action={deletePolicyAction} />
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </Card>
        <Card title="New policy">
          <p className="mb-3 text-sm text-slate-600">A new policy is asked after the others and before the default; move it where it belongs.</p>
          <PolicyForm teams={teams} clusters={clusters} action={savePolicyAction} submitLabel="Create policy" />
        </Card>
      </div>
    </>
  );
}
