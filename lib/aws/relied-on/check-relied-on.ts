import { DescribeRouteTablesCommand, type RouteTable } from "@aws-sdk/client-ec2";

import type { AwsAccess } from "../aws-access";
import { callLog } from "../steps/support/call-log";
import { isNotFound } from "../steps/support/errors";
import { describePeering, peeringStatus, remoteDnsAllowed } from "../steps/support/peerings";

/** An account and Region where the resource may live: the cluster's side or the client's. */
export type Place = { account: string; region: string };

export type ReliedOnCheck = { summary: string; problem: string | null };

/**
 * Re-reads something a request relies on without a step of its own, by the id the plan recorded it under.
 * Those ids carry no account, so each of the places is asked until one knows the resource. Null for kinds
 * of id this does not read (their step's own check covers them, or nothing here can).
 */
export async function checkReliedOn(access: AwsAccess, id: string, places: readonly Place[]): Promise<ReliedOnCheck | null> {
  const option = /^(pcx-[0-9a-f]+):(requester|accepter)$/.exec(id);
  if (option?.[1]) {
    const pcx = option[1];
    const side = option[2] === "requester" ? "requester" : "accepter";
    const summary = `DNS resolution from the remote VPC on the ${side} side of ${pcx} (relied on)`;
    const p = await findPeering(access, pcx, places);
    if (!p || peeringStatus(p) !== "active") return { summary, problem: `Peering ${pcx} is ${p ? peeringStatus(p) : "gone"}` };
    return { summary, problem: remoteDnsAllowed(p, side) ? null : `DNS resolution from the remote VPC is off on the ${side} side of ${pcx}` };
  }
  if (/^pcx-[0-9a-f]+$/.test(id)) {
    const p = await findPeering(access, id, places);
    const status = p ? peeringStatus(p) : "gone";
    return { summary: `peering ${id} (relied on)`, problem: status === "active" ? null : `Peering ${id} is ${status}` };
  }
  const route = /^(rtb-[0-9a-f]+)\|(.+)$/.exec(id);
  if (route?.[1] && route[2]) return checkRoute(access, route[1], route[2], places);
  return null;
}

async function findPeering(access: AwsAccess, id: string, places: readonly Place[]) {
  for (const place of places) {
    const p = await describePeering(access.ec2(place.account, place.region), callLog(), id);
    if (p) return p;
  }
  return null;
}

async function checkRoute(access: AwsAccess, tableId: string, destination: string, places: readonly Place[]): Promise<ReliedOnCheck> {
  const summary = `route ${destination} in ${tableId} (relied on)`;
  const table = await findRouteTable(access, tableId, places);
  if (!table) return { summary, problem: `Route table ${tableId} is gone` };
  const found = table.Routes?.find((r) => r.DestinationCidrBlock === destination);
  if (!found) return { summary, problem: `${tableId} no longer routes ${destination}` };
  return { summary, problem: found.State === "blackhole" ? `${tableId} routes ${destination} to a target that is gone (blackhole)` : null };
}

async function findRouteTable(access: AwsAccess, id: string, places: readonly Place[]): Promise<RouteTable | null> {
  for (const place of places) {
    try {
      const out = await access.ec2(place.account, place.region).send(new DescribeRouteTablesCommand({ RouteTableIds: [id] }));
      const table = out.RouteTables?.find((t) => t.RouteTableId === id);
      if (table) return table;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return null;
}
