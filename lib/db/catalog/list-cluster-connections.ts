import "server-only";

import { CONNECTED_STATUSES, type ClusterConnection } from "@/lib/domain/catalog/cluster-connections";

import { db } from "../client";
import { connectionMethodColumn, scenarioColumn } from "../enums/domain-enums";

/**
 * Every connection the portal made (or is making) to one cluster, by request number. Three queries whatever
 * their number: the requests, their plans' ports (read inside PostgreSQL, not whole plans), and when each
 * last became Active.
 */
export async function listClusterConnections(clusterId: string): Promise<ClusterConnection[]> {
  const rows = await db().accessRequest.findMany({
    where: { clusterId, status: { in: [...CONNECTED_STATUSES] } },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      status: true,
      scenario: true,
      method: true,
      environment: true,
      client: true,
      authModes: true,
      endsAt: true,
      drift: true,
      team: { select: { name: true } },
      requester: { select: { email: true } },
    },
  });
  const ids = rows.map((r) => r.id);
  const [ports, activations] = await Promise.all([
    db().$queryRaw<{ id: string; ports: unknown }[]>`SELECT "id", "plan"->'plan'->'ports' AS "ports" FROM "AccessRequest" WHERE "id" = ANY(${ids})`,
    db().auditEvent.groupBy({ by: ["requestId"], where: { requestId: { in: ids }, action: "request.activate" }, _max: { at: true } }),
  ]);
  const portsOf = new Map(ports.map((p) => [p.id, Array.isArray(p.ports) ? p.ports.filter((n): n is number => typeof n === "number") : []]));
  const activeSince = new Map(activations.map((a) => [a.requestId, a._max.at]));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    scenario: scenarioColumn.fromDb(r.scenario),
    method: r.method ? connectionMethodColumn.fromDb(r.method) : null,
    environment: r.environment,
    team: r.team.name,
    requester: r.requester.email,
    client: r.client,
    authModes: r.authModes,
    ports: portsOf.get(r.id) ?? [],
    activeSince: activeSince.get(r.id) ?? null,
    endsAt: r.endsAt,
    drifted: r.status === "ACTIVE" && r.drift !== null,
  }));
}
