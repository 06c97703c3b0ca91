import Link from "next/link";

import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { actorOf } from "@/lib/auth/current-user";
import { requirePageUser } from "@/lib/auth/guard";
import { countArchivedClusters, listAccounts, listClusters } from "@/lib/db/catalog/list-catalog";
import { may } from "@/lib/domain/permissions";

import { ClusterTable } from "./cluster-table";
import { RefreshCatalogButton } from "./refresh-button";

export const metadata = { title: "Catalog" };

const KIND_LABELS = {
  CLUSTER_OWNER: "Cluster owner",
  APPLICATION: "Application",
  TRANSIT: "Transit (TGW hub)",
  SAAS_PROVIDER: "SaaS provider",
} as const;

export default async function CatalogPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const user = await requirePageUser("catalog.read");
  const mayRefresh = may(actorOf(user), "catalog.refresh").ok;
  const linkConnections = may(actorOf(user), "connection.watch-all").ok;
  const showArchived = (await searchParams).archived === "1";
  const [accounts, clusters, archivedCount] = await Promise.all([listAccounts(), listClusters(), countArchivedClusters()]);
  // Archived clusters are out of the way by default: requesters cannot file for them.
  const archived = showArchived && archivedCount > 0 ? await listClusters({ archived: true }) : [];
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
            <ClusterTable clusters={clusters} linkConnections={linkConnections} />
          )}
          {archivedCount > 0 && !showArchived ? (
            <p className="mt-3 text-sm text-slate-600">
              {archivedCount} archived cluster(s) hidden.{" "}
              <Link href="/catalog?archived=1" className="text-indigo-700 underline">Show them</Link>
            </p>
          ) : null}
        </Card>
        {archived.length > 0 ? (
          <Card title={`Archived clusters (${archived.length})`}>
            <p className="mb-3 text-sm text-slate-600">
              No longer offered for new requests; the requests that name them keep their history.{" "}
              <Link href="/catalog" className="text-indigo-700 underline">Hide them</Link>
            </p>
            <ClusterTable clusters={archived} linkConnections={linkConnections} />
          </Card>
        ) : null}
        <Card title={`Registered accounts (${accounts.length})`}>
          <div className="overflow-x-auto">
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
          </div>
        </Card>
      </div>
    </>
  );
}
