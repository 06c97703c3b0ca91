import { csvLine } from "../audit/csv";
import { readClientLocation } from "../client-location";
import type { RequestStatus } from "../lifecycle";
import type { ConnectionMethod } from "../plan/plan-types";
import type { Scenario } from "../scenario";

/**
 * Requests whose network path to the cluster exists in AWS or is being built or removed: what "who can reach
 * this cluster" lists. A submitted request has changed nothing yet; a failed one may have built part of its path.
 */
export const CONNECTED_STATUSES = ["APPROVED", "PROVISIONING", "VERIFYING", "ACTIVE", "FAILED", "DECOMMISSIONING"] as const satisfies readonly RequestStatus[];

export type ClusterConnection = {
  id: string;
  number: number;
  status: RequestStatus;
  scenario: Scenario;
  method: ConnectionMethod | null;
  environment: string;
  team: string;
  requester: string;
  client: unknown;
  authModes: string[];
  ports: number[];
  /** When the connection last became Active; null while it never has. */
  activeSince: Date | null;
  endsAt: Date | null;
  drifted: boolean;
};

export const CLUSTER_CONNECTIONS_CSV_HEADER = csvLine([
  "request_number",
  "status",
  "scenario",
  "method",
  "environment",
  "team",
  "requester",
  "client_type",
  "client_account",
  "client_region",
  "client_vpc",
  "client_cidrs_or_provider",
  "auth_modes",
  "ports",
  "active_since",
  "ends_at",
  "drifted",
]);

/** One connection as a CSV line: the client split into columns, times in UTC. */
export function clusterConnectionCsvLine(c: ClusterConnection): string {
  const client = readClientLocation(c.client);
  return csvLine([
    c.number,
    c.status,
    c.scenario,
    c.method,
    c.environment,
    c.team,
    c.requester,
    client?.type ?? "unknown",
    client && client.type !== "on-prem" ? client.accountId : null,
    client?.type === "aws-vpc" ? client.region : null,
    client?.type === "aws-vpc" ? client.vpcId : null,
    client?.type === "on-prem" ? client.cidrs.join(" ") : client?.type === "saas" ? client.providerName : null,
    c.authModes.join(" "),
    c.ports.join(" "),
    c.activeSince?.toISOString() ?? null,
    c.endsAt?.toISOString() ?? null,
    c.drifted ? "yes" : "no",
  ]);
}
