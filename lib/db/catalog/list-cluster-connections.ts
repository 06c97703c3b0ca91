import "server-only";

import { CONNECTED_STATUSES, type ClusterConnection } from "@/lib/domain/catalog/cluster-connections";

import { db } from "../client";
import { connectionMethodColumn, scenarioColumn } from "../enums/domain-enums";

/** Connections on one page of a cluster's page; the CSV download has them all. */
export const CLUSTER_CONNECTIONS_PER_PAGE = 50;

/**
 * The connections the portal made (or is making) to one cluster, newest request first: one page of them
 * (1-based) or, without a page, all. Four queries whatever their number: the count, the requests, their plans'
 * ports (read inside PostgreSQL, not whole plans), and when each last became Active.
 */
export async function listClusterConnections(clusterId: string, page?: number): Promise<{ connections: ClusterConnection[]; total: number }> {
  const where = { clusterId, status: { in: [...CONNECTED_STATUSES] } };
  const [total, rows] = await Promise.all([db().accessRequest.count({ where }), connectionRows(where, page)]);
  return { connections: await withPortsAndSince(rows), total };
}

type ConnectionWhere = { clusterId: string; status: { in: (typeof CONNECTED_STATUSES)[number][] } };

function connectionRows(where: ConnectionWhere, page: number | undefined) {
  return db().accessRequest.findMany({
    where,
    // Newest first, so the first page shows what changed last.
    orderBy: { number: "desc" },
    ...(page ? { skip: (page - 1) * CLUSTER_CONNECTIONS_PER_PAGE, take: CLUSTER_CONNECTIONS_PER_PAGE } : {}),
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
}

async function withPortsAndSince(rows: Awaited<ReturnType<typeof connectionRows>>): Promise<ClusterConnection[]> {
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
