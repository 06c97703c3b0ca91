import Link from "next/link";

import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { listAccounts, listClustersToManage, listTeams } from "@/lib/db/catalog/list-catalog";
import { db } from "@/lib/db/client";
import { loadPlatformSettings } from "@/lib/provisioner/platform-settings";

import { AccountForm } from "./account-form";
import { CatalogClusters } from "./catalog-clusters";
import { PlatformForm } from "./platform-form";
import { RemoveAccountButton } from "./remove-account-button";
import { TestAccessButton } from "./test-access-button";

export const metadata = { title: "Administration" };

export default async function AdminPage() {
  await requirePageUser("platform.manage");
  const [accounts, teams, settings, clusters] = await Promise.all([listAccounts(), listTeams(), loadPlatformSettings(db()), listClustersToManage()]);
  const namedClusters = (accountId: string) => clusters.filter((c) => c.accountId === accountId && c._count.requests > 0).map((c) => c.name);
  return (
    <>
      <PageHeader
        title="Administration"
        description="Registered AWS accounts and how the platform builds connections. Every change is recorded in the audit history."
      />
      <div className="space-y-6">
        <Card title="Approvals">
          <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
            <li>
              <Link href="/admin/policies" className="font-medium text-indigo-700 hover:underline">
                Approval policies
              </Link>{" "}
              <span className="text-slate-600">who must approve which requests</span>
            </li>
            <li>
              <Link href="/admin/freezes" className="font-medium text-indigo-700 hover:underline">
                Change freezes
              </Link>{" "}
              <span className="text-slate-600">windows in which nothing is approved or provisioned</span>
            </li>
          </ul>
        </Card>
        <Card title="Registered accounts">
          <ul className="divide-y divide-slate-100">
            {accounts.map((a) => (
              <li key={a.id} className="py-4" data-testid="admin-account">
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-2">
                    <span>
                      <span className="font-medium">{a.name}</span>{" "}
                      <span className="font-mono text-xs text-slate-500">{a.id}</span>{" "}
                      <span className="text-xs text-slate-500">
                        · {a.kind.toLowerCase().replace("_", " ")} · {a.regions.join(", ")}
                        {a.teams.length > 0 ? ` · for ${a.teams.map((t) => t.team.name).join(", ")}` : ""}
                      </span>
                    </span>
                    <span className="text-xs text-indigo-700">Edit</span>
                  </summary>
                  <div className="mt-3 space-y-3">
                    <AccountForm
                      submitLabel="Save account"
                      teams={teams}
                      values={{
                        id: a.id,
                        name: a.name,
                        kind: a.kind,
                        roleArn: a.roleArn,
                        externalId: a.externalId ?? "",
                        regions: a.regions.join(", "),
                        teamIds: a.teams.map((t) => t.team.id),
                      }}
                    />
                    {a.kind !== "SAAS_PROVIDER" ? <TestAccessButton id={a.id} /> : null}
                    {namedClusters(a.id).length === 0 ? (
                      <RemoveAccountButton id={a.id} clusters={a._count.clusters} />
                    ) : (
                      <p className="text-xs text-slate-500">
                        Requests refer to its cluster(s) {namedClusters(a.id).join(", ")}, so it stays registered; archive them
                        under Catalog clusters to hide them.
                      </p>
                    )}
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Register an account">
          <AccountForm submitLabel="Register account" teams={teams} />
        </Card>
        <CatalogClusters clusters={clusters} teams={teams} />
        <Card title="Platform settings">
          <PlatformForm
            values={{
              crossAccountVpcVia: settings.crossAccountVpcVia,
              tgwDefaultPropagation: settings.tgwDefaultPropagation,
              pathAnalysis: settings.pathAnalysis,
              organizationArn: settings.organization?.arn ?? "",
              organizationAccountIds: settings.organization?.accountIds.join(", ") ?? "",
              ramSharingEnabled: settings.organization?.ramSharingEnabled ?? false,
              hubs: settings.transitHubs.map((hub) => ({
                accountId: hub.accountId,
                region: hub.region,
                transitGatewayId: hub.transitGatewayId,
                clusterSide: hub.routeTables.sharedServices,
                clientSide: hub.routeTables.spokes,
                onPrem: hub.routeTables.onPrem,
              })),
              dxGatewayOwnerAccountId: settings.dxGatewayOwnerAccountId ?? "",
            }}
          />
        </Card>
      </div>
    </>
  );
}
