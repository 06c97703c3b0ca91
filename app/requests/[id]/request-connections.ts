import "server-only";

import type { PortalUser } from "@/lib/auth/current-user";
import { actorOf } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import type { ConnectionWatch } from "@/lib/domain/client-vpc-connections";
import type { RequestStatus } from "@/lib/domain/lifecycle";
import { may } from "@/lib/domain/permissions";
import type { StoredPlan } from "@/lib/domain/plan/stored-plan";
import { portalAwsAccess } from "@/lib/provisioner/portal-aws-access";
import { watchClientVpcConnections } from "@/lib/provisioner/watch-client-vpc-connections";

// Before approval nothing is granted, and once rejected or cancelled nothing ever was.
const NOT_YET: RequestStatus[] = ["SUBMITTED", "REJECTED", "CANCELLED"];

/**
 * The client VPC connections a multi-VPC request's page shows: all of the cluster's to those who may see every
 * team's, else only the ones this request accounts for (another team's connections are not the viewer's business).
 */
export async function loadRequestConnections(
  user: PortalUser,
  request: { id: string; clusterId: string; status: RequestStatus },
  stored: StoredPlan | null,
): Promise<{ watch: ConnectionWatch; mayReject: boolean; showsAll: boolean } | null> {
  if (stored?.plan?.method !== "multi-vpc-private-connectivity" || NOT_YET.includes(request.status)) return null;
  const watch = await watchClientVpcConnections(await portalAwsAccess(db()), request.clusterId);
  const person = actorOf(user);
  const all = may(person, "connection.watch-all").ok;
  const shown =
    watch.ok && !all ? { ...watch, connections: watch.connections.filter((c) => c.expectedBy?.requestId === request.id) } : watch;
  return { watch: shown, mayReject: may(person, "connection.reject").ok, showsAll: all };
}
