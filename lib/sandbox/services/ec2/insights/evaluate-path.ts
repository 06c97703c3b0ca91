import { cidrContains, prefixLength } from "../../../core/cidr";
import type { XmlObject } from "../../../protocols/xml";
import type { NetworkInterface, Route, RouteTable, SandboxState, SecurityGroupRule, Subnet, Vpc } from "../../../state/types";
import type { RequestContext } from "../../../state/world";
import { aclOfVpc, aclVerdict } from "../ec2-network-acls";
import { effectiveRoutes } from "../ec2-tgw-routing";
import { component, type Component, type PathHop } from "./analysis-components";

/**
 * Reachability Analyzer's answer for one packet from a source ENI to a destination ENI, worked out from the
 * sandbox's model the way the analyzer reads configuration (VPC Reachability Analyzer guide, "How it
 * works"): the source's security group egress and subnet ACL, its subnet's route table, a peering or the
 * transit gateway (attachment, its associated route table, the route there), the destination subnet's ACL
 * and the destination's security group ingress; then the reply back through route tables and ACLs, which
 * are stateless, where security groups are not. Through a transit gateway only the forward path is analysed
 * for TCP, as the guide says. Failures carry AWS's explanation codes ("Reachability Analyzer explanation codes").
 */
export type PathOutcome = { found: boolean; forward: PathHop[]; back: PathHop[]; explanations: XmlObject[] };

type Packet = { protocol: "6" | "17"; port: number };
type Endpoint = { eni: NetworkInterface; subnet: Subnet; vpc: Vpc };

const EPHEMERAL = { from: 1024, to: 65535 };

/** Where the packet stops, with the analyzer's explanation; caught in evaluatePath. */
class Blocked extends Error {
  constructor(readonly explanation: XmlObject) {
    super("blocked on the path");
  }
}

function ref(state: SandboxState, id: string): Component {
  const owner =
    state.vpcs[id] ?? state.subnets[id] ?? state.routeTables[id] ?? state.securityGroups[id] ?? state.tgwRouteTables[id] ?? state.transitGateways[id];
  return component(id, owner?.accountId ?? "", owner?.region ?? "");
}

function routeTableOf(state: SandboxState, subnet: Subnet): RouteTable | undefined {
  const tables = Object.values(state.routeTables).filter((t) => t.vpcId === subnet.vpcId);
  return tables.find((t) => t.associations.some((a) => a.subnetId === subnet.id)) ?? tables.find((t) => t.associations.some((a) => a.main));
}

/** Longest-prefix match over a route table's IPv4 routes, as VPC routing chooses (VPC guide, "Route priority"). */
function bestRoute(table: RouteTable, address: string): Route | undefined {
  return table.routes
    .filter((r) => cidrContains(r.destinationCidrBlock, address))
    .sort((a, b) => prefixLength(b.destinationCidrBlock) - prefixLength(a.destinationCidrBlock))[0];
}

function protocolMatches(ruleProtocol: string, packet: Packet): boolean {
  const p = ruleProtocol.toLowerCase();
  return p === "-1" || p === "all" || p === packet.protocol || (p === "tcp" && packet.protocol === "6") || (p === "udp" && packet.protocol === "17");
}

function ruleMatches(rule: SecurityGroupRule, packet: Packet, peer: NetworkInterface): boolean {
  if (!protocolMatches(rule.ipProtocol, packet)) return false;
  const allPorts = rule.ipProtocol === "-1" || rule.fromPort === -1;
  if (!allPorts && (packet.port < rule.fromPort || packet.port > rule.toPort)) return false;
  if (rule.cidrIpv4) return cidrContains(rule.cidrIpv4, peer.privateIpAddress);
  return rule.referencedGroup !== undefined && peer.securityGroupIds.includes(rule.referencedGroup.groupId);
}

function securityGroupHop(
  state: SandboxState,
  at: Endpoint,
  peer: NetworkInterface,
  packet: Packet,
  direction: "egress" | "ingress",
): PathHop {
  for (const groupId of at.eni.securityGroupIds) {
    const sg = state.securityGroups[groupId];
    const rule = sg?.rules.find((r) => r.isEgress === (direction === "egress") && ruleMatches(r, packet, peer));
    if (sg && rule) {
      return {
        component: ref(state, sg.id),
        securityGroupRule: {
          cidr: rule.cidrIpv4,
          direction,
          securityGroupId: rule.referencedGroup?.groupId,
          portRange: rule.fromPort === -1 ? undefined : { from: rule.fromPort, to: rule.toPort },
          protocol: rule.ipProtocol === "-1" ? "all" : rule.ipProtocol,
        },
      };
    }
  }
  throw new Blocked({
    explanationCode: "ENI_SG_RULES_MISMATCH",
    direction,
    networkInterface: component(at.eni.id, at.eni.accountId, at.eni.region),
    securityGroupSet: at.eni.securityGroupIds.map((id) => ref(state, id)),
    subnet: ref(state, at.subnet.id),
    vpc: ref(state, at.vpc.id),
    packetField: direction === "ingress" ? "source-address" : "destination-address",
    port: packet.port,
  });
}

function aclHop(state: SandboxState, at: Endpoint, egress: boolean, address: string, ports: { from: number; to: number }, packet: Packet): PathHop {
  const acl = aclOfVpc(state, at.vpc);
  const verdict = aclVerdict(acl, { egress, protocol: packet.protocol, address, ports });
  const acComponent = component(acl.id, acl.accountId, acl.region);
  if (!verdict.allowed) {
    throw new Blocked({
      explanationCode: "SUBNET_ACL_RESTRICTION",
      direction: egress ? "egress" : "ingress",
      acl: acComponent,
      aclRule:
        verdict.entry === "default-deny"
          ? { cidr: "0.0.0.0/0", egress, protocol: "all", ruleAction: "deny", ruleNumber: 32767 }
          : aclRuleXml(verdict.entry),
      subnet: ref(state, at.subnet.id),
      vpc: ref(state, at.vpc.id),
    });
  }
  return { component: acComponent, aclRule: verdict.entry === "default-deny" ? undefined : aclRuleXml(verdict.entry) };
}

function aclRuleXml(e: { cidrBlock: string; egress: boolean; protocol: string; ruleAction: string; ruleNumber: number; portRange?: { from: number; to: number } }): XmlObject {
  return { cidr: e.cidrBlock, egress: e.egress, portRange: e.portRange, protocol: e.protocol === "-1" ? "all" : e.protocol, ruleAction: e.ruleAction, ruleNumber: e.ruleNumber };
}

function routeXml(r: Route): XmlObject {
  return {
    destinationCidr: r.destinationCidrBlock,
    gatewayId: r.gatewayId,
    vpcPeeringConnectionId: r.vpcPeeringConnectionId,
    transitGatewayId: r.transitGatewayId,
    origin: r.origin === "CreateRouteTable" ? "createroutetable" : "createroute",
    state: "active",
  };
}

/** From one endpoint's subnet to the other endpoint's VPC: the hops, and whether a transit gateway carried it. */
function route(ctx: RequestContext, from: Endpoint, to: Endpoint): { hops: PathHop[]; viaTgw: boolean } {
  const state = ctx.world.state;
  const address = to.eni.privateIpAddress;
  const table = routeTableOf(state, from.subnet);
  const destination = component(to.eni.id, to.eni.accountId, to.eni.region);
  const noRoute = (tableId?: string) =>
    new Blocked({ explanationCode: "NO_ROUTE_TO_DESTINATION", routeTable: tableId ? ref(state, tableId) : undefined, destination, vpc: ref(state, from.vpc.id) });
  if (!table) throw noRoute();
  const best = bestRoute(table, address);
  if (!best) throw noRoute(table.id);
  const hops: PathHop[] = [{ component: ref(state, table.id), routeTableRoute: routeXml(best) }];

  if (best.gatewayId === "local") {
    if (to.vpc.id !== from.vpc.id) throw noRoute(table.id);
    return { hops, viaTgw: false };
  }
  if (best.vpcPeeringConnectionId) {
    const pcx = state.peerings[best.vpcPeeringConnectionId];
    const pcxComponent = component(best.vpcPeeringConnectionId, pcx?.requester.accountId ?? "", pcx?.requester.region ?? "");
    if (!pcx || pcx.status !== "active") {
      throw new Blocked({ explanationCode: "BAD_STATE", component: pcxComponent, vpcPeeringConnection: pcxComponent, state: pcx?.status ?? "deleted" });
    }
    const peer = pcx.requester.vpcId === from.vpc.id ? pcx.accepter : pcx.requester;
    if (peer.vpcId !== to.vpc.id || !cidrContains(peer.cidrBlock, address)) {
      throw new Blocked({ explanationCode: "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR", component: pcxComponent, vpcPeeringConnection: pcxComponent, address });
    }
    hops.push({ component: pcxComponent, sourceVpc: ref(state, from.vpc.id), destinationVpc: ref(state, to.vpc.id) });
    return { hops, viaTgw: false };
  }
  if (best.transitGatewayId) {
    hops.push(...throughTransitGateway(ctx, best.transitGatewayId, from, to));
    return { hops, viaTgw: true };
  }
  throw noRoute(table.id);
}

function throughTransitGateway(ctx: RequestContext, tgwId: string, from: Endpoint, to: Endpoint): PathHop[] {
  const state = ctx.world.state;
  const tgw = state.transitGateways[tgwId];
  const tgwComponent = component(tgwId, tgw?.accountId ?? "", tgw?.region ?? "");
  const attachmentOf = (vpcId: string) =>
    Object.values(state.tgwAttachments).find((a) => a.transitGatewayId === tgwId && a.resourceId === vpcId && a.state !== "deleted");
  const attachmentComponent = (id: string) => component(id, tgw?.accountId ?? "", tgw?.region ?? "");
  const source = attachmentOf(from.vpc.id);
  if (!source || source.state !== "available") {
    throw new Blocked({
      explanationCode: "BAD_STATE_ATTACHMENT",
      transitGateway: tgwComponent,
      transitGatewayAttachment: source ? attachmentComponent(source.id) : undefined,
      state: source?.state ?? "deleted",
    });
  }
  const tableId = source.associatedRouteTableId;
  const table = tableId ? state.tgwRouteTables[tableId] : undefined;
  if (!table) {
    throw new Blocked({ explanationCode: "TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION", transitGateway: tgwComponent, transitGatewayAttachment: attachmentComponent(source.id) });
  }
  const tableComponent = ref(state, table.id);
  const address = to.eni.privateIpAddress;
  const best = effectiveRoutes(ctx, table)
    .filter((r) => cidrContains(r.destinationCidrBlock, address))
    .sort((a, b) => prefixLength(b.destinationCidrBlock) - prefixLength(a.destinationCidrBlock))[0];
  const target = attachmentOf(to.vpc.id);
  if (!best) {
    throw new Blocked(
      target
        ? { explanationCode: "TGW_RTB_NO_ROUTE_TO_TGW_ATTACHMENT", transitGateway: tgwComponent, transitGatewayRouteTable: tableComponent, transitGatewayAttachment: attachmentComponent(target.id) }
        : { explanationCode: "TGW_RTB_CANNOT_ROUTE", transitGateway: tgwComponent, transitGatewayRouteTable: tableComponent, address },
    );
  }
  const routeXml: XmlObject = {
    destinationCidr: best.destinationCidrBlock,
    state: best.state,
    routeOrigin: best.type,
    attachmentId: best.attachment?.id,
    resourceId: best.attachment?.resourceId,
    resourceType: best.attachment?.resourceType,
  };
  if (best.state !== "active") {
    throw new Blocked({ explanationCode: "TGW_RTB_BAD_STATE_ROUTE", transitGateway: tgwComponent, transitGatewayRouteTable: tableComponent, transitGatewayRouteTableRoute: routeXml });
  }
  if (best.attachment?.resourceId !== to.vpc.id) {
    throw new Blocked({ explanationCode: "TGW_RTB_CANNOT_ROUTE", transitGateway: tgwComponent, transitGatewayRouteTable: tableComponent, transitGatewayRouteTableRoute: routeXml });
  }
  return [
    { component: attachmentComponent(source.id), transitGateway: tgwComponent },
    { component: tgwComponent, transitGatewayRouteTableRoute: routeXml },
    { component: attachmentComponent(best.attachment.id), transitGateway: tgwComponent },
  ];
}

export function endpointOf(state: SandboxState, eni: NetworkInterface): Endpoint | undefined {
  const subnet = state.subnets[eni.subnetId];
  const vpc = subnet ? state.vpcs[subnet.vpcId] : undefined;
  return subnet && vpc ? { eni, subnet, vpc } : undefined;
}

export function evaluatePath(ctx: RequestContext, source: Endpoint, destination: Endpoint, packet: Packet): PathOutcome {
  const state = ctx.world.state;
  const forward: PathHop[] = [];
  const back: PathHop[] = [];
  const eniHop = (at: Endpoint): PathHop => ({
    component: component(at.eni.id, at.eni.accountId, at.eni.region),
    subnet: ref(state, at.subnet.id),
    vpc: ref(state, at.vpc.id),
  });
  const fromPorts = { from: packet.port, to: packet.port };
  // Network ACLs filter traffic crossing a subnet's boundary, not traffic within one subnet.
  const crossesSubnets = source.subnet.id !== destination.subnet.id;
  const acl = (at: Endpoint, egress: boolean, address: string, ports: { from: number; to: number }) =>
    crossesSubnets ? [aclHop(state, at, egress, address, ports, packet)] : [];
  try {
    forward.push(eniHop(source));
    forward.push(securityGroupHop(state, source, destination.eni, packet, "egress"));
    forward.push(...acl(source, true, destination.eni.privateIpAddress, fromPorts));
    const there = route(ctx, source, destination);
    forward.push(...there.hops);
    forward.push(...acl(destination, false, source.eni.privateIpAddress, fromPorts));
    forward.push(securityGroupHop(state, destination, source.eni, packet, "ingress"));
    forward.push(eniHop(destination));
    if (!there.viaTgw) {
      // The reply: security groups are stateful and let it out; route tables and ACLs are not.
      back.push(eniHop(destination));
      back.push(...acl(destination, true, source.eni.privateIpAddress, EPHEMERAL));
      back.push(...route(ctx, destination, source).hops);
      back.push(...acl(source, false, destination.eni.privateIpAddress, EPHEMERAL));
      back.push(eniHop(source));
    }
    return { found: true, forward, back, explanations: [] };
  } catch (error) {
    if (error instanceof Blocked) return { found: false, forward, back, explanations: [error.explanation] };
    throw error;
  }
}
