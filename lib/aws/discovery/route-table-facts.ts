import type { Route, RouteTable, Subnet } from "@aws-sdk/client-ec2";
import type { EdgeZone, RouteFacts, RouteTableFacts, SubnetFacts } from "@/lib/domain/plan/facts";

function targetOf(r: Route): string {
  return (
    r.GatewayId ??
    r.VpcPeeringConnectionId ??
    r.TransitGatewayId ??
    r.NatGatewayId ??
    r.NetworkInterfaceId ??
    r.InstanceId ??
    r.EgressOnlyInternetGatewayId ??
    r.LocalGatewayId ??
    r.CarrierGatewayId ??
    r.CoreNetworkArn ??
    "unknown"
  );
}

/**
 * Every route, IPv6 and prefix-list ones included, because all of them count against the route
 * quota; the planner only matches IPv4 destinations against what it adds.
 */
export function toRouteFacts(r: Route): RouteFacts | null {
  const destination = r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId;
  if (!destination) return null;
  return {
    destinationCidr: destination,
    target: targetOf(r),
    ...(r.State === "active" || r.State === "blackhole" ? { state: r.State } : {}),
    ...(r.Origin === "EnableVgwRoutePropagation" ? { propagated: true } : {}),
  };
}

export function toRouteTableFacts(rt: RouteTable): RouteTableFacts {
  return {
    routeTableId: rt.RouteTableId ?? "",
    routes: (rt.Routes ?? []).map(toRouteFacts).filter((r): r is RouteFacts => r !== null),
  };
}

/** The table a subnet uses: its explicit association, else the VPC's main route table. */
export function routeTableServing(subnetId: string, tables: readonly RouteTable[]): string | undefined {
  const explicit = tables.find((t) => (t.Associations ?? []).some((a) => a.SubnetId === subnetId));
  const main = tables.find((t) => (t.Associations ?? []).some((a) => a.Main === true));
  return (explicit ?? main)?.RouteTableId;
}

export function toSubnetFacts(
  subnet: Subnet,
  tables: readonly RouteTable[],
  edgeZones: ReadonlyMap<string, EdgeZone>,
): SubnetFacts {
  const subnetId = subnet.SubnetId ?? "";
  const azId = subnet.AvailabilityZoneId ?? "";
  const edgeZone = edgeZones.get(azId);
  return {
    subnetId,
    azId,
    // A VPC always has a main table; "" only if AWS answered without one, which the planner reports.
    routeTableId: routeTableServing(subnetId, tables) ?? "",
    cidr: subnet.CidrBlock ?? "",
    ...(subnet.Ipv6Native === true ? { ipv6Only: true } : {}),
    ...(edgeZone ? { edgeZone } : {}),
  };
}
