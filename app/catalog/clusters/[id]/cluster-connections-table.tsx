import Link from "next/link";

import { describeClient } from "@/components/client-summary";
import { DriftBadge } from "@/components/ui/drift-badge";
import { formatTime } from "@/components/ui/format-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ClusterConnection } from "@/lib/domain/catalog/cluster-connections";
import { METHOD_LABELS } from "@/lib/domain/method-labels";
import { SCENARIO_LABELS } from "@/lib/domain/scenario";

// Every connection the portal made to the cluster, one row each; on a phone each row stacks instead of scrolling.
export function ClusterConnectionsTable({ connections }: { connections: ClusterConnection[] }) {
  if (connections.length === 0) return <p className="text-sm text-slate-600">No request connects a client to this cluster.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Connections made by the portal</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-3">Request</th>
            <th className="py-2 pr-3">Client</th>
            <th className="hidden py-2 pr-3 md:table-cell">Method</th>
            <th className="hidden py-2 pr-3 md:table-cell">Team · environment</th>
            <th className="hidden py-2 pr-3 lg:table-cell">Ports</th>
            <th className="hidden py-2 pr-3 lg:table-cell">Active since</th>
            <th className="hidden py-2 pr-3 lg:table-cell">Ends</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {connections.map((c) => (
            <tr key={c.id} data-testid="cluster-connection" className="align-top">
              <td className="py-2 pr-3">
                <Link href={`/requests/${c.id}`} className="font-medium text-indigo-700 hover:underline">
                  #{c.number}
                </Link>{" "}
                <StatusBadge status={c.status} /> {c.drifted ? <DriftBadge checkedAt={null} /> : null}
              </td>
              <td className="py-2 pr-3">
                <span className="block">{SCENARIO_LABELS[c.scenario].title}</span>
                <span className="block break-all font-mono text-xs text-slate-600">{describeClient(c.client)}</span>
              </td>
              <td className="hidden py-2 pr-3 md:table-cell">{c.method ? METHOD_LABELS[c.method] : "—"}</td>
              <td className="hidden py-2 pr-3 md:table-cell">
                {c.team} · {c.environment}
              </td>
              <td className="hidden py-2 pr-3 font-mono text-xs lg:table-cell">{c.ports.join(", ") || "—"}</td>
              <td className="hidden py-2 pr-3 lg:table-cell">{c.activeSince ? formatTime(c.activeSince) : "not yet"}</td>
              <td className="hidden py-2 pr-3 lg:table-cell">{c.endsAt ? c.endsAt.toISOString().slice(0, 10) : "no end date"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
