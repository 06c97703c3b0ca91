import { AWS_DELAYS, dueAfter, type Clock } from "../core/clock";
import { newId } from "../core/ids";
import type { PeeringStatus, ReferencedGroup, SandboxState, Tag, VpcPeering } from "../state/types";
import type { ParsedTopology } from "./schema";

const tagList = (tags: Record<string, string>): Tag[] => Object.entries(tags).map(([key, value]) => ({ key, value }));

/** The status messages EC2 gives each peering status. */
function statusMessage(status: PeeringStatus, requester: string, accepter: string): string {
  const messages: Record<PeeringStatus, string> = {
    "initiating-request": `Initiating Request to ${accepter}`,
    "pending-acceptance": `Pending Acceptance by ${accepter}`,
    provisioning: "Provisioning",
    active: "Active",
    failed: "Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range",
    rejected: `Rejected by ${accepter}`,
    deleted: `Deleted by ${requester}`,
    expired: "Expired",
  };
  return messages[status];
}

/**
 * Peerings as the peering service leaves them: a transitional status runs on from the seeding moment with
 * AWS's delays, and an outstanding request expires seven days after it.
 */
function seedPeerings(s: SandboxState, topology: ParsedTopology, clock: Clock): void {
  for (const p of topology.peerings) {
    const req = s.vpcs[p.requesterVpcId];
    const acc = s.vpcs[p.accepterVpcId];
    if (!req || !acc) continue;
    const side = (v: typeof req, dns: boolean) => ({ accountId: v.accountId, region: v.region, vpcId: v.id, cidrBlock: v.cidrBlock, allowDnsResolutionFromRemoteVpc: dns });
    const expiresAt = dueAfter(clock, AWS_DELAYS.peeringExpiry);
    const due: Partial<Record<PeeringStatus, number>> = {
      "initiating-request": dueAfter(clock, AWS_DELAYS.peeringInitiate),
      "pending-acceptance": expiresAt,
      provisioning: dueAfter(clock, AWS_DELAYS.peeringProvision),
    };
    const peering: VpcPeering = {
      id: p.id,
      requester: side(req, p.requesterAllowDnsResolutionFromRemoteVpc),
      accepter: side(acc, p.accepterAllowDnsResolutionFromRemoteVpc),
      status: p.status,
      statusMessage: statusMessage(p.status, req.accountId, acc.accountId),
      createdAt: clock.now(),
      dueAt: due[p.status],
      expiresAt,
      tags: tagList(p.tags),
    };
    s.peerings[p.id] = peering;
  }
}

/** What AuthorizeSecurityGroupIngress records for a group reference: the peer VPC and peering when cross-VPC. */
function referencedGroup(s: SandboxState, vpcId: string, ref: string): ReferencedGroup | undefined {
  const groupId = ref.split("/").pop() ?? ref;
  const group = s.securityGroups[groupId];
  if (!group) return undefined;
  if (group.vpcId === vpcId) return { groupId, userId: group.accountId };
  const peering = Object.values(s.peerings).find(
    (p) =>
      p.status === "active" &&
      p.requester.region === p.accepter.region &&
      [p.requester.vpcId, p.accepter.vpcId].includes(vpcId) &&
      [p.requester.vpcId, p.accepter.vpcId].includes(group.vpcId),
  );
  return { groupId, userId: group.accountId, vpcId: group.vpcId, ...(peering ? { vpcPeeringConnectionId: peering.id } : {}) };
}

/** Routes and ingress rules already in the topology's VPCs; the local route is there from the table's creation. */
function seedRoutesAndRules(s: SandboxState, topology: ParsedTopology): void {
  for (const vpc of topology.accounts.flatMap((a) => a.vpcs)) {
    for (const rt of vpc.routeTables) {
      const table = s.routeTables[rt.id];
      for (const r of rt.routes) {
        if (!table || r.gatewayId === "local") continue;
        const target = r.vpcPeeringConnectionId
          ? { vpcPeeringConnectionId: r.vpcPeeringConnectionId }
          : r.transitGatewayId
            ? { transitGatewayId: r.transitGatewayId }
            : { gatewayId: r.gatewayId };
        table.routes.push({ destinationCidrBlock: r.destinationCidrBlock, origin: "CreateRoute", ...target });
      }
    }
    for (const sg of vpc.securityGroups) {
      const group = s.securityGroups[sg.id];
      for (const rule of sg.ingressRules) {
        const allPorts = rule.ipProtocol === "-1";
        group?.rules.push({
          id: rule.id ?? newId(s.counter, "sgr"),
          isEgress: false,
          ipProtocol: rule.ipProtocol,
          fromPort: allPorts ? -1 : rule.fromPort,
          toPort: allPorts ? -1 : rule.toPort,
          cidrIpv4: rule.cidrIpv4,
          referencedGroup: rule.referencedGroupId ? referencedGroup(s, vpc.id, rule.referencedGroupId) : undefined,
          description: rule.description,
          tags: tagList(rule.tags),
        });
      }
    }
  }
}

/** TGW VPC attachments with exactly the association and propagations given, and the tables' static routes. */
function seedTgwAttachments(s: SandboxState, topology: ParsedTopology, clock: Clock): void {
  for (const tgw of topology.accounts.flatMap((a) => a.transitGateways)) {
    for (const att of tgw.vpcAttachments) {
      const vpc = s.vpcs[att.vpcId];
      if (!vpc) continue;
      const dueAt =
        att.state === "pending" ? dueAfter(clock, AWS_DELAYS.tgwAttachment)
        : att.state === "deleting" ? dueAfter(clock, AWS_DELAYS.tgwAttachmentDelete)
        : undefined;
      s.tgwAttachments[att.id] = {
        id: att.id,
        transitGatewayId: tgw.id,
        resourceType: "vpc",
        resourceId: vpc.id,
        resourceOwnerId: vpc.accountId,
        subnetIds: att.subnetIds,
        state: att.state,
        dueAt,
        createdAt: clock.now(),
        dnsSupport: att.dnsSupport,
        securityGroupReferencingSupport: att.securityGroupReferencingSupport,
        associatedRouteTableId: att.associatedRouteTableId,
        advertisedPrefixes: [],
        tags: tagList(att.tags),
      };
      for (const rtId of att.propagatesToRouteTableIds) s.tgwRouteTables[rtId]?.propagations.push(att.id);
    }
    for (const rt of tgw.routeTables) {
      const table = s.tgwRouteTables[rt.id];
      for (const r of rt.routes) {
        table?.staticRoutes.push({ destinationCidrBlock: r.destinationCidrBlock, attachmentId: r.transitGatewayAttachmentId, blackhole: r.blackhole });
      }
    }
  }
}

/** Peerings first: an ingress rule's group reference records the peering it goes across. */
export function seedExistingNetwork(s: SandboxState, topology: ParsedTopology, clock: Clock): void {
  seedPeerings(s, topology, clock);
  seedTgwAttachments(s, topology, clock);
  seedRoutesAndRules(s, topology);
}
