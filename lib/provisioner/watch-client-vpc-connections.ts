import { describeAwsError, type AwsAccess } from "@/lib/aws";
import { listClientVpcConnections } from "@/lib/aws/discovery/client-vpc-connections";
import { db } from "@/lib/db/client";
import { listConnectionGrants } from "@/lib/db/requests/list-connection-grants";
import { watchConnections, type ConnectionWatch } from "@/lib/domain/client-vpc-connections";

/**
 * The cluster's client VPC connections as MSK lists them now, each marked with the live request that accounts
 * for it, or as not expected. Read on every view: a connection appears whenever its owner creates it.
 */
export async function watchClientVpcConnections(access: AwsAccess, clusterId: string): Promise<ConnectionWatch> {
  const cluster = await db().cluster.findUnique({
    where: { id: clusterId },
    select: { arn: true, accountId: true, region: true },
  });
  if (!cluster) return { ok: false, error: "The cluster is no longer in the catalog." };
  try {
    const [connections, grants] = await Promise.all([listClientVpcConnections(access, cluster), listConnectionGrants(clusterId)]);
    return { ok: true, connections: watchConnections(connections, grants), readAt: new Date().toISOString() };
  } catch (error) {
    const info = describeAwsError(error);
    return { ok: false, error: `${info.message} (${info.code})` };
  }
}
