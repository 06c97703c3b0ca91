import { Card } from "@/components/ui/card";
import { formatTime } from "@/components/ui/format-time";
import type { listClustersToManage } from "@/lib/db/catalog/list-catalog";

import { ClusterActions } from "./cluster-actions";
import { setClusterOwnerAction } from "./cluster-owner/actions";
import { ClusterOwnerForm } from "./cluster-owner-form";

type ManagedCluster = Awaited<ReturnType<typeof listClustersToManage>>[number];

export function CatalogClusters({ clusters, teams = [] }: { clusters: ManagedCluster[]; teams?: { id: string; name: string }[] }) {
  return (
    <Card title="Catalog clusters">
      <p className="mb-3 text-sm text-slate-600">
        Archive a cluster that is gone from AWS or only there for a demo: requesters no longer see it, and the requests
        that name it stay readable. A cluster no request names can be removed; if it is still in AWS, the next refresh
        brings it back unless its account is removed too.
      </p>
      {clusters.length === 0 ? (
        <p className="text-sm text-slate-600">No clusters yet: register a cluster-owner account and refresh the catalog.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {clusters.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="admin-cluster">
              <span>
                <span className="font-medium">{c.name}</span>{" "}
                <span className="font-mono text-xs text-slate-500">{c.accountId} · {c.region}</span>{" "}
                <span className="text-xs text-slate-500">
                  · {c.state === "MISSING" ? "missing in AWS" : c.state} · {c._count.requests} request(s)
                  {c.archivedAt ? ` · archived ${formatTime(c.archivedAt)}` : ""}
                </span>
              </span>
              <ClusterActions id={c.id} name={c.name} archived={c.archivedAt !== null} removable={c._count.requests === 0} />
              <div className="w-full">
                <ClusterOwnerForm id={c.id} name={c.name} ownerTeamId={c.ownerTeamId} teams={teams} action={setClusterOwnerAction} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
