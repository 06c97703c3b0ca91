import Link from "next/link";

import { formatTime } from "@/components/ui/format-time";
import type { CatalogCluster } from "@/lib/db/catalog/list-catalog";

// `linkConnections`: the viewer may see every team's client VPC connections, listed on the cluster's page.
export function ClusterTable({ clusters, linkConnections = false }: { clusters: CatalogCluster[]; linkConnections?: boolean }) {
  // Scrolls inside its card on a narrow screen rather than pushing the page sideways.
  return (
    <div className="overflow-x-auto">
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
            <tr key={c.id} data-testid={c.archivedAt ? "catalog-archived-cluster" : "catalog-cluster"}>
              <td className="py-2 pr-4">
                <span className="font-medium">{c.name}</span>
                <div className="max-w-xs truncate font-mono text-xs text-slate-500" title={c.arn}>{c.arn}</div>
                {linkConnections ? (
                  <Link href={`/catalog/clusters/${c.id}`} className="text-xs text-indigo-700 underline">
                    Connections
                  </Link>
                ) : null}
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
    </div>
  );
}
