import { DescribeVpcAttributeCommand, type EC2Client, type RouteTable, type Subnet, type Vpc } from "@aws-sdk/client-ec2";
import type { EdgeZone, VpcNetworkFacts, VpcRef } from "@/lib/domain/plan/facts";
import type { AwsAccess } from "../aws-access";
import { DiscoveryFieldError } from "./discovery-field-error";
import { describeRouteTables, describeSubnets, describeVpcs, filter } from "./ec2-describe";
import { discoverEdgeZones } from "./edge-zones";
import { toRouteTableFacts } from "./route-table-facts";
import { countOutstandingPeeringRequests, discoverVpcPeerings } from "./vpc-peerings";
import { discoverVpcTgwAttachments } from "./vpc-tgw-attachments";

export type VpcNetworkDiscovery = {
  network: VpcNetworkFacts;
  /** Every subnet of the VPC and every route table, as AWS described them, for the caller to pick from. */
  subnets: Subnet[];
  routeTables: RouteTable[];
  /** The Local / Wavelength Zones among the subnets' zones, by zone id. */
  edgeZones: Map<string, EdgeZone>;
  outstandingPeeringRequests: number;
};

function cidrsOf(vpc: Vpc): string[] {
  const associated = (vpc.CidrBlockAssociationSet ?? [])
    .filter((a) => a.CidrBlockState?.State === "associated" || a.CidrBlockState?.State === undefined)
    .map((a) => a.CidrBlock)
    .filter((c): c is string => typeof c === "string");
  const all = associated.length > 0 ? associated : vpc.CidrBlock ? [vpc.CidrBlock] : [];
  return [...new Set(all)];
}

async function vpcAttribute(ec2: EC2Client, vpcId: string, attribute: "enableDnsHostnames" | "enableDnsSupport"): Promise<boolean> {
  const out = await ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: attribute }));
  return (attribute === "enableDnsHostnames" ? out.EnableDnsHostnames?.Value : out.EnableDnsSupport?.Value) ?? false;
}

/**
 * What the planner needs to know about one VPC's network: CIDRs, DNS, route tables, peerings and
 * TGW attachments. A VPC that does not exist is reported at `vpcField`.
 */
export async function discoverVpcNetwork(access: AwsAccess, ref: VpcRef, vpcField: string): Promise<VpcNetworkDiscovery> {
  const ec2 = access.ec2(ref.accountId, ref.region);
  const pageSize = access.pageSize;
  const [vpc] = await describeVpcs(ec2, [filter("vpc-id", [ref.vpcId])], pageSize);
  if (!vpc) {
    throw new DiscoveryFieldError([{ field: vpcField, message: `${ref.vpcId} does not exist in ${ref.accountId}/${ref.region}` }]);
  }
  const subnetsPromise = describeSubnets(ec2, [filter("vpc-id", [ref.vpcId])], pageSize);
  const azIdOfSubnet = subnetsPromise.then(
    (subnets) => new Map(subnets.map((s) => [s.SubnetId ?? "", s.AvailabilityZoneId ?? ""])),
  );
  const [dnsHostnames, dnsSupport, subnets, edgeZones, routeTables, peerings, tgwAttachments, outstandingPeeringRequests] = await Promise.all([
    vpcAttribute(ec2, ref.vpcId, "enableDnsHostnames"),
    vpcAttribute(ec2, ref.vpcId, "enableDnsSupport"),
    subnetsPromise,
    subnetsPromise.then((all) => discoverEdgeZones(ec2, all)),
    describeRouteTables(ec2, [filter("vpc-id", [ref.vpcId])], pageSize),
    discoverVpcPeerings(ec2, ref, pageSize),
    discoverVpcTgwAttachments(access, ref, azIdOfSubnet),
    countOutstandingPeeringRequests(ec2, ref.accountId, pageSize),
  ]);
  return {
    network: {
      accountId: ref.accountId,
      region: ref.region,
      vpcId: ref.vpcId,
      cidrs: cidrsOf(vpc),
      dnsHostnames,
      dnsSupport,
      routeTables: routeTables.map(toRouteTableFacts).sort((a, b) => a.routeTableId.localeCompare(b.routeTableId)),
      peerings,
      tgwAttachments,
    },
    subnets,
    routeTables,
    edgeZones,
    outstandingPeeringRequests,
  };
}
