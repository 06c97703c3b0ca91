import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTime } from "@/components/ui/format-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { listAccounts, listClusters } from "@/lib/db/catalog/list-catalog";
import { hasPermission } from "@/lib/domain/roles";

import { RefreshCatalogButton } from "./refresh-button";

export const metadata = { title: "Catalog" };

const KIND_LABELS = {
  CLUSTER_OWNER: "Cluster owner",
  APPLICATION: "Application",
  TRANSIT: "Transit (TGW hub)",
  SAAS_PROVIDER: "SaaS provider",
} as const;

export default async function CatalogPage() {
  const user = await requirePageUser("catalog:read");
  const mayRefresh = hasPermission(user.roles, "catalog:manage") || hasPermission(user.roles, "request:approve");
  const [accounts, clusters] = await Promise.all([listAccounts(), listClusters()]);
  return (
    <>
      <PageHeader
        title="Accounts and clusters"
        description="The AWS accounts the portal may act in and the MSK clusters found in them (ListClustersV2 in every cluster-owner account and Region)."
        actions={mayRefresh ? <RefreshCatalogButton /> : null}
      />
      <div className="space-y-6">
        <Card title={`Clusters (${clusters.length})`}>
          {clusters.length === 0 ? (
            <EmptyState title="No clusters yet">Register a cluster-owner account; its clusters are discovered from it.</EmptyState>
          ) : (
            <table className="min-w-full text-sm">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-4">Cluster</th>
                  <th scope="col" className="py-2 pr-4">Account</th>
                  <th scope="col" className="py-2 pr-4">Region · VPC</th>
                  <th scope="col" className="py-2 pr-4">Kafka</th>
                  <th scope="col" className="py-2 pr-4">Client auth</th>
                  <th scope="col" className="py-2 pr-4">State</th>
                  <th scope="col" className="py-2">As of</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {clusters.map((c) => (
                  <tr key={c.id} data-testid="catalog-cluster">
                    <td className="py-2 pr-4">
                      <span className="font-medium">{c.name}</span>
                      <div className="max-w-xs truncate font-mono text-xs text-slate-500" title={c.arn}>{c.arn}</div>
                    </td>
                    <td className="py-2 pr-4">{c.account.name}<div className="font-mono text-xs text-slate-500">{c.accountId}</div></td>
                    <td className="py-2 pr-4 font-mono text-xs">{c.region}<br />{c.vpcId}</td>
                    <td className="py-2 pr-4">{c.kafkaVersion}</td>
                    <td className="py-2 pr-4">{c.authModes.join(", ")}</td>
                    <td className={`py-2 pr-4 ${c.state === "MISSING" ? "font-medium text-rose-700" : ""}`}>{c.state === "MISSING" ? "missing in AWS" : c.state}</td>
                    <td className="py-2 text-slate-600">{formatTime(c.discoveredAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <Card title={`Registered accounts (${accounts.length})`}>
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-4">Account</th>
                <th scope="col" className="py-2 pr-4">Kind</th>
                <th scope="col" className="py-2 pr-4">Regions</th>
                <th scope="col" className="py-2">Role the portal assumes</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {accounts.map((a) => (
                <tr key={a.id} data-testid="catalog-account">
                  <td className="py-2 pr-4"><span className="font-medium">{a.name}</span><div className="font-mono text-xs text-slate-500">{a.id}</div></td>
                  <td className="py-2 pr-4">{KIND_LABELS[a.kind]}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{a.regions.join(", ")}</td>
                  <td className="py-2 font-mono text-xs">{a.roleArn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </>
  );
}
