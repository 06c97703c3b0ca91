import { actorOf, currentUser } from "@/lib/auth/current-user";
import { listClusterConnections } from "@/lib/db/catalog/list-cluster-connections";
import { db } from "@/lib/db/client";
import { CLUSTER_CONNECTIONS_CSV_HEADER, clusterConnectionCsvLine } from "@/lib/domain/catalog/cluster-connections";
import { may } from "@/lib/domain/permissions";

export const dynamic = "force-dynamic";

const plain = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

// The cluster page's connections as a spreadsheet, for the signed-in browser; the same permission as the page.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await currentUser();
  const decision = may(user ? actorOf(user) : null, "connection.watch-all");
  if (!decision.ok) return plain(user ? 403 : 401, decision.reason);
  const { id } = await params;
  const cluster = await db().cluster.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!cluster) return plain(404, "No such cluster.");
  const connections = await listClusterConnections(cluster.id);
  const body = CLUSTER_CONNECTIONS_CSV_HEADER + connections.map(clusterConnectionCsvLine).join("");
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${cluster.name.replace(/[^\w.-]/g, "_")}-connections-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
