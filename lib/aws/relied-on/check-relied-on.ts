import { DescribeRouteTablesCommand, type RouteTable } from "@aws-sdk/client-ec2";

import type { AwsAccess } from "../aws-access";
import { callLog } from "../steps/support/call-log";
import { isNotFound } from "../steps/support/errors";
import { describePeering, peeringStatus, remoteDnsAllowed } from "../steps/support/peerings";
import { checkClusterPart } from "./msk-multi-vpc-check";
import { checkShare, checkSharePrincipal, shareHome } from "./ram-share-check";
import type { Place, ReliedOnCheck, ReliedOnContext } from "./relied-on-types";
import { checkSgRule } from "./sg-rule-check";
import { checkTgwAttachment } from "./tgw-attachment-check";
import { checkTgwTableLink } from "./tgw-table-link-check";

export type { Place, ReliedOnCheck, ReliedOnContext } from "./relied-on-types";

/**
 * Re-reads something a request relies on without a step of its own, by the id the plan recorded it under.
 * EC2 ids carry no account, so each of the places is asked until one knows the resource; ARNs name theirs.
 * Null for kinds of id this does not read.
 */
export async function checkReliedOn(access: AwsAccess, id: string, ctx: ReliedOnContext): Promise<ReliedOnCheck | null> {
  const { places } = ctx;
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
  if (/^sgr-[0-9a-f]+$/.test(id)) return checkSgRule(access, id, places);
  if (/^tgw-attach-[0-9a-f]+$/.test(id)) return checkTgwAttachment(access, id, distinctPlaces([...places, ...ctx.hubs]));
  const link = /^(tgw-rtb-[0-9a-f]+)\|(tgw-attach-[0-9a-f]+)$/.exec(id);
  if (link?.[1] && link[2]) {
    return checkTgwTableLink(access, { table: link[1], attachment: link[2] }, ctx.tgwRelations, ctx.hubs);
  }
  if (shareHome(id)) return checkShare(access, id);
  const principal = /^(arn:[^|]+:ram:[^|]+)\|(\d{12})$/.exec(id);
  if (principal?.[1] && principal[2]) return checkSharePrincipal(access, principal[1], principal[2], ctx);
  const clusterPart = /^(arn:[^#]+:kafka:[^#]+)#(.+)$/.exec(id);
  if (clusterPart?.[1] && clusterPart[2]) return checkClusterPart(access, clusterPart[1], clusterPart[2]);
  return null;
}

function distinctPlaces(places: readonly Place[]): Place[] {
  return places.filter((p, i) => places.findIndex((q) => q.account === p.account && q.region === p.region) === i);
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
