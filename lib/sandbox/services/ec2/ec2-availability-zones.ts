import { awsError } from "../../core/aws-error";
import { applyFilters } from "../../core/filters";
import { qBool, qFilters, qStrList, type QueryNode } from "../../protocols/query-input";
import type { XmlObject } from "../../protocols/xml";
import type { RequestContext } from "../../state/world";

type Zone = {
  zoneName: string;
  zoneId: string;
  zoneType: "availability-zone" | "local-zone" | "wavelength-zone";
  optInStatus: "opt-in-not-required" | "opted-in" | "not-opted-in";
  parentZoneName?: string;
  parentZoneId?: string;
  tags: [];
};

/**
 * The Region's zones as the caller's account sees them: the Availability Zones the topology's subnets use
 * (named as the caller's own subnets name them, since AWS maps zone names per account) and the edge zones the
 * topology lists, opted in where the account has a subnet.
 */
function zonesOf(ctx: RequestContext): Zone[] {
  const subnets = Object.values(ctx.world.state.subnets).filter((s) => s.region === ctx.region);
  const edge = ctx.world.topology.edgeZones.filter((z) => z.region === ctx.region);
  const names = new Map<string, string>();
  for (const s of [...subnets].sort((a, b) => Number(a.accountId === ctx.accountId) - Number(b.accountId === ctx.accountId))) {
    names.set(s.availabilityZoneId, s.availabilityZone);
  }
  const zones: Zone[] = [];
  for (const [zoneId, zoneName] of names) {
    if (edge.some((z) => z.zoneId === zoneId)) continue;
    zones.push({ zoneName, zoneId, zoneType: "availability-zone", optInStatus: "opt-in-not-required", tags: [] });
  }
  for (const z of edge) {
    const optedIn = subnets.some((s) => s.accountId === ctx.accountId && s.availabilityZoneId === z.zoneId);
    zones.push({ ...z, optInStatus: optedIn ? "opted-in" : "not-opted-in", tags: [] });
  }
  return zones.sort((a, b) => a.zoneName.localeCompare(b.zoneName));
}

/**
 * DescribeAvailabilityZones (EC2 API reference): without AllAvailabilityZones only zones that need no opt-in
 * or that the account opted in to; with it every zone whatever the opt-in status. Named zones that do not
 * exist are InvalidParameterValue.
 */
export function describeAvailabilityZones(ctx: RequestContext, q: QueryNode): XmlObject {
  const all = zonesOf(ctx);
  const ids = qStrList(q, "ZoneId", "ZoneIds");
  const names = qStrList(q, "ZoneName", "ZoneNames");
  for (const wanted of [...ids, ...names]) {
    if (!all.some((z) => z.zoneId === wanted || z.zoneName === wanted)) {
      throw awsError("InvalidParameterValue", `Invalid availability zone: [${wanted}]`);
    }
  }
  const everyZone = qBool(q, "AllAvailabilityZones") === true;
  const named = ids.length > 0 || names.length > 0;
  const listed = all.filter(
    (z) =>
      (!named || ids.includes(z.zoneId) || names.includes(z.zoneName)) &&
      (everyZone || z.optInStatus !== "not-opted-in"),
  );
  const filtered = applyFilters(listed, qFilters(q), {
    "zone-id": (z) => [z.zoneId],
    "zone-name": (z) => [z.zoneName],
    "zone-type": (z) => [z.zoneType],
    "opt-in-status": (z) => [z.optInStatus],
    "parent-zone-id": (z) => [z.parentZoneId],
    "parent-zone-name": (z) => [z.parentZoneName],
    "region-name": () => [ctx.region],
    "state": () => ["available"],
  });
  return {
    availabilityZoneInfo: filtered.map((z) => ({
      zoneName: z.zoneName,
      zoneId: z.zoneId,
      zoneType: z.zoneType,
      optInStatus: z.optInStatus,
      regionName: ctx.region,
      groupName: z.zoneType === "availability-zone" ? ctx.region : z.zoneName.replace(/[a-z]$/, ""),
      networkBorderGroup: z.zoneType === "availability-zone" ? ctx.region : z.zoneName.replace(/[a-z]$/, ""),
      parentZoneName: z.parentZoneName,
      parentZoneId: z.parentZoneId,
      zoneState: "available",
      messageSet: [],
    })),
  };
}
