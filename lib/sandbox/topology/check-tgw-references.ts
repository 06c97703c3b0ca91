import type { Path, Report } from "./check-references";
import type { ParsedTopology } from "./schema";
import type { TopologyIndex } from "./topology-index";

const WITHOUT_ROUTING = ["pendingAcceptance", "rejected", "failed", "deleted"];
const GONE = ["rejected", "failed", "deleted"];

/** VPC attachments name a VPC of the TGW's Region and tables of their own TGW; static routes their TGW's attachments. */
export function checkTgwReferences(t: ParsedTopology, index: TopologyIndex, report: Report): void {
  t.accounts.forEach((account, a) =>
    account.transitGateways.forEach((tgw, g) => {
      const at: Path = ["accounts", a, "transitGateways", g];
      const tables = new Set(tgw.routeTables.map((r) => r.id));
      const attachments = new Set([...tgw.vpcAttachments, ...tgw.directConnectGatewayAttachments].map((x) => x.id));
      const liveVpcs = new Set<string>();
      tgw.vpcAttachments.forEach((att, k) => {
        const here: Path = [...at, "vpcAttachments", k];
        const vpc = index.vpcs.get(att.vpcId);
        if (!vpc || vpc.region !== tgw.region) report([...here, "vpcId"], `${att.vpcId} is not a VPC of this topology in ${tgw.region}`);
        if (!GONE.includes(att.state)) {
          if (liveVpcs.has(att.vpcId)) report([...here, "vpcId"], `${tgw.id} already has a non-deleted attachment for ${att.vpcId}`);
          liveVpcs.add(att.vpcId);
        }
        const zones = new Set<string>();
        att.subnetIds.forEach((id, s) => {
          const subnet = index.subnets.get(id);
          if (!subnet || subnet.vpcId !== att.vpcId) report([...here, "subnetIds", s], `${id} is not a subnet of ${att.vpcId}`);
          else if (zones.has(subnet.item.availabilityZoneId)) report([...here, "subnetIds", s], `one subnet per Availability Zone; ${subnet.item.availabilityZoneId} has two`);
          else zones.add(subnet.item.availabilityZoneId);
        });
        const routed = att.associatedRouteTableId !== undefined || att.propagatesToRouteTableIds.length > 0;
        if (routed && WITHOUT_ROUTING.includes(att.state)) {
          report([...here, "state"], `an attachment that is ${att.state} has no association or propagation`);
        }
        if (att.associatedRouteTableId && !tables.has(att.associatedRouteTableId)) {
          report([...here, "associatedRouteTableId"], `${att.associatedRouteTableId} is not one of this transit gateway's routeTables`);
        }
        att.propagatesToRouteTableIds.forEach((id, p) => {
          if (!tables.has(id)) report([...here, "propagatesToRouteTableIds", p], `${id} is not one of this transit gateway's routeTables`);
        });
      });
      tgw.routeTables.forEach((rt, r) => {
        const destinations = new Set<string>();
        rt.routes.forEach((route, k) => {
          const here: Path = [...at, "routeTables", r, "routes", k];
          if (destinations.has(route.destinationCidrBlock)) report([...here, "destinationCidrBlock"], `${route.destinationCidrBlock} is given twice in ${rt.id}`);
          destinations.add(route.destinationCidrBlock);
          const target = route.transitGatewayAttachmentId;
          if (target && !attachments.has(target)) report([...here, "transitGatewayAttachmentId"], `${target} is not an attachment of ${tgw.id}`);
        });
      });
    }),
  );
}
