import { createHash } from "node:crypto";
import { newId, newVersion } from "../core/ids";
import type { Clock } from "../core/clock";
import type { SandboxState, Tag } from "../state/types";
import { reservedIds } from "./reserve-ids";
import type { ParsedTopology } from "./schema";
import { seedExistingNetwork } from "./seed-existing-network";
import { seedExistingServices } from "./seed-existing-services";

function tagList(tags: Record<string, string>): Tag[] {
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
}

/** A configuration ARN in MSK's form, named after the cluster whose topology entry gives its properties. */
function configurationArn(clusterArn: string, name: string): string {
  const [, , , region, account, resource] = clusterArn.split(":");
  return `arn:aws:kafka:${region}:${account}:configuration/${name}-config/${resource?.split("/")[2] ?? name}`;
}

export function emptyState(): SandboxState {
  return {
    counter: { next: 1 },
    sessions: {},
    vpcs: {},
    subnets: {},
    routeTables: {},
    securityGroups: {},
    peerings: {},
    transitGateways: {},
    tgwAttachments: {},
    tgwRouteTables: {},
    clusters: {},
    vpcConnections: {},
    resourceShares: {},
    invitations: {},
    serviceLinkedRoles: {},
  };
}

type TopologyTgw = ParsedTopology["accounts"][number]["transitGateways"][number];

/**
 * With either default-route-table option on, CreateTransitGateway makes one default route table and
 * points both `AssociationDefaultRouteTableId` and `PropagationDefaultRouteTableId` at it (EC2 API
 * reference, TransitGatewayRequestOptions / TransitGatewayOptions). A topology may name other tables
 * instead, as ModifyTransitGateway would have; only an unnamed default gets the created table.
 */
function defaultRouteTables(s: SandboxState, tgw: TopologyTgw): { association?: string; propagation?: string; created?: string } {
  const used = tgw.defaultRouteTableAssociation === "enable" || tgw.defaultRouteTablePropagation === "enable";
  const named = { association: tgw.associationDefaultRouteTableId, propagation: tgw.propagationDefaultRouteTableId };
  if (!used || (named.association && named.propagation)) return named;
  const created = newId(s.counter, "tgw-rtb");
  return { association: named.association ?? created, propagation: named.propagation ?? created, created };
}

/** The account whose `directConnectGateways` lists the gateway, if the topology has it. */
function dxGatewayOwner(topology: ParsedTopology, gatewayId: string): string | undefined {
  return topology.accounts.find((a) => a.directConnectGateways.some((g) => g.id === gatewayId))?.id;
}

/**
 * Builds the starting state from a topology; deterministic, so a reset gives the same ids. `timeScale` sets
 * when seeded transitional states (a pending attachment, a provisioning peering) finish, as the clock does.
 */
export function seedState(topology: ParsedTopology, now: number, timeScale = 1): SandboxState {
  const s = emptyState();
  const reserved = reservedIds(topology);
  if (reserved.length > 0) s.counter.reserved = reserved;
  for (const account of topology.accounts) {
    if (account.serviceLinkedRoles.length > 0) (s.serviceLinkedRoles ??= {})[account.id] = [...account.serviceLinkedRoles];
    for (const vpc of account.vpcs) {
      const base = { accountId: account.id, region: vpc.region };
      s.vpcs[vpc.id] = {
        ...base,
        id: vpc.id,
        cidrBlock: vpc.cidrBlock,
        enableDnsHostnames: vpc.enableDnsHostnames,
        enableDnsSupport: vpc.enableDnsSupport,
        tags: tagList(vpc.tags),
      };
      const mainId = (vpc.routeTables.find((r) => r.main) ?? vpc.routeTables[0])?.id;
      for (const rt of vpc.routeTables) {
        s.routeTables[rt.id] = {
          ...base,
          id: rt.id,
          vpcId: vpc.id,
          routes: [{ destinationCidrBlock: vpc.cidrBlock, gatewayId: "local", origin: "CreateRouteTable" }],
          associations: rt.id === mainId ? [{ id: newId(s.counter, "rtbassoc"), main: true }] : [],
          tags: tagList(rt.tags),
        };
      }
      for (const sn of vpc.subnets) {
        s.subnets[sn.id] = {
          ...base,
          id: sn.id,
          vpcId: vpc.id,
          cidrBlock: sn.cidrBlock ?? "",
          ...(sn.ipv6CidrBlock ? { ipv6CidrBlock: sn.ipv6CidrBlock } : {}),
          ...(sn.ipv6Native ? { ipv6Native: true } : {}),
          availabilityZone: sn.availabilityZone,
          availabilityZoneId: sn.availabilityZoneId,
          tags: tagList(sn.tags),
        };
        const rt = sn.routeTableId ? s.routeTables[sn.routeTableId] : undefined;
        if (rt) rt.associations.push({ id: newId(s.counter, "rtbassoc"), subnetId: sn.id, main: false });
      }
      for (const sg of vpc.securityGroups) {
        s.securityGroups[sg.id] = {
          ...base,
          id: sg.id,
          vpcId: vpc.id,
          name: sg.name,
          description: sg.description,
          // Every new SG allows all outbound traffic (VPC user guide, "Default security groups").
          rules: [
            { id: newId(s.counter, "sgr"), isEgress: true, ipProtocol: "-1", fromPort: -1, toPort: -1, cidrIpv4: "0.0.0.0/0", tags: [] },
          ],
          tags: tagList(sg.tags),
        };
      }
    }
    for (const tgw of account.transitGateways) {
      const defaults = defaultRouteTables(s, tgw);
      s.transitGateways[tgw.id] = {
        id: tgw.id,
        accountId: account.id,
        region: tgw.region,
        description: tgw.description,
        amazonSideAsn: tgw.amazonSideAsn,
        autoAcceptSharedAttachments: tgw.autoAcceptSharedAttachments,
        defaultRouteTableAssociation: tgw.defaultRouteTableAssociation,
        defaultRouteTablePropagation: tgw.defaultRouteTablePropagation,
        associationDefaultRouteTableId: defaults.association,
        propagationDefaultRouteTableId: defaults.propagation,
        securityGroupReferencingSupport: tgw.securityGroupReferencingSupport,
        dnsSupport: "enable",
        createdAt: now,
        tags: tagList(tgw.tags),
      };
      const tables = defaults.created ? [...tgw.routeTables, { id: defaults.created, tags: {} }] : tgw.routeTables;
      for (const rt of tables) {
        s.tgwRouteTables[rt.id] = {
          id: rt.id,
          transitGatewayId: tgw.id,
          accountId: account.id,
          region: tgw.region,
          createdAt: now,
          propagations: [],
          staticRoutes: [],
          tags: tagList(rt.tags),
        };
      }
      for (const dx of tgw.directConnectGatewayAttachments) {
        s.tgwAttachments[dx.id] = {
          id: dx.id,
          transitGatewayId: tgw.id,
          resourceType: "direct-connect-gateway",
          resourceId: dx.directConnectGatewayId,
          // A DX gateway is a global resource; AWS reports the gateway's owner as resource owner.
          resourceOwnerId: dxGatewayOwner(topology, dx.directConnectGatewayId) ?? account.id,
          subnetIds: [],
          state: "available",
          createdAt: now,
          dnsSupport: "disable",
          securityGroupReferencingSupport: "disable",
          associatedRouteTableId: dx.associatedRouteTableId,
          advertisedPrefixes: dx.advertisedPrefixes,
          tags: tagList(dx.tags),
        };
        for (const rtId of dx.propagatesToRouteTableIds) s.tgwRouteTables[rtId]?.propagations.push(dx.id);
      }
    }
    for (const c of account.clusters) {
      const region = c.arn.split(":")[3] ?? "us-east-1";
      s.clusters[c.arn] = {
        arn: c.arn,
        name: c.name,
        accountId: account.id,
        region,
        createdAt: now,
        kafkaVersion: c.kafkaVersion,
        instanceType: c.instanceType,
        numberOfBrokerNodes: c.brokerSubnetIds.length,
        brokerSubnets: c.brokerSubnetIds,
        zoneIds: c.brokerSubnetIds.map((id) => s.subnets[id]?.availabilityZoneId ?? "unknown"),
        securityGroups: c.securityGroupIds,
        auth: {
          iam: c.clientAuthentication.iam,
          scram: c.clientAuthentication.scram,
          tls: c.clientAuthentication.tls,
          unauthenticated: c.clientAuthentication.unauthenticated,
        },
        clientBroker: c.encryptionInTransit,
        vpcConnectivity: { ...c.multiVpcConnectivity },
        state: "ACTIVE",
        currentVersion: newVersion(s.counter),
        policy: c.clusterPolicy ? { document: c.clusterPolicy, version: newVersion(s.counter) } : undefined,
        configuration:
          c.serverProperties === undefined
            ? undefined
            : { arn: configurationArn(c.arn, c.name), revision: 1, serverProperties: c.serverProperties, createdAt: now },
        operations: {},
        failNextUpdate: c.failNextConnectivityUpdate,
        dnsToken: c.dnsToken ?? createHash("sha256").update(c.arn).digest("hex").slice(0, 6),
        tags: c.tags,
      };
    }
  }
  const clock: Clock = { now: () => now, timeScale };
  seedExistingNetwork(s, topology, clock);
  seedExistingServices(s, topology, clock);
  return s;
}
