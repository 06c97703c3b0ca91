import { listClusterConnections } from "@/lib/db/catalog/list-cluster-connections";
import { CLUSTER_CONNECTIONS_CSV_HEADER, clusterConnectionCsvLine } from "@/lib/domain/catalog/cluster-connections";

import { clusterCsvRoute } from "../_csv/cluster-csv-route";

export const dynamic = "force-dynamic";

// The cluster page's connections as a spreadsheet.
export const GET = clusterCsvRoute(async (cluster) => {
  const { connections } = await listClusterConnections(cluster.id);
  return { csv: CLUSTER_CONNECTIONS_CSV_HEADER + connections.map(clusterConnectionCsvLine).join(""), fileSuffix: `connections-${new Date().toISOString().slice(0, 10)}` };
});
