import { DescribeAvailabilityZonesCommand, type EC2Client, type Subnet } from "@aws-sdk/client-ec2";
import type { EdgeZone } from "@/lib/domain/plan/facts";

/**
 * The Local and Wavelength Zones among the subnets' zones, by zone id, with the parent Availability Zone
 * each hangs off. AllAvailabilityZones because without it DescribeAvailabilityZones leaves out opt-in
 * zones in some cases (EC2 API reference); zone ids rather than names, which differ per account.
 */
export async function discoverEdgeZones(ec2: EC2Client, subnets: readonly Subnet[]): Promise<Map<string, EdgeZone>> {
  const zoneIds = [...new Set(subnets.map((s) => s.AvailabilityZoneId).filter((z): z is string => !!z))].sort();
  if (zoneIds.length === 0) return new Map();
  const out = await ec2.send(new DescribeAvailabilityZonesCommand({ ZoneIds: zoneIds, AllAvailabilityZones: true }));
  const edge = new Map<string, EdgeZone>();
  for (const zone of out.AvailabilityZones ?? []) {
    const type = zone.ZoneType;
    if (!zone.ZoneId || (type !== "local-zone" && type !== "wavelength-zone")) continue;
    edge.set(zone.ZoneId, { type, parentAzId: zone.ParentZoneId ?? "" });
  }
  return edge;
}
