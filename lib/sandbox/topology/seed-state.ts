import { createHash } from "node:crypto";
import { newId, newVersion } from "../core/ids";
import type { SandboxState, Tag } from "../state/types";
import type { ParsedTopology } from "./schema";

function tagList(tags: Record<string, string>): Tag[] {
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
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

/** Builds the starting state from a topology; deterministic, so a reset gives the same ids. */
export function seedState(topology: ParsedTopology, now: number): SandboxState {
  const s = emptyState();
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
          cidrBlock: sn.cidrBlock,
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
      s.transitGateways[tgw.id] = {
        id: tgw.id,
        accountId: account.id,
        region: tgw.region,
        description: tgw.description,
        amazonSideAsn: tgw.amazonSideAsn,
        autoAcceptSharedAttachments: tgw.autoAcceptSharedAttachments,
        defaultRouteTableAssociation: tgw.defaultRouteTableAssociation,
        defaultRouteTablePropagation: tgw.defaultRouteTablePropagation,
        securityGroupReferencingSupport: tgw.securityGroupReferencingSupport,
        dnsSupport: "enable",
        createdAt: now,
        tags: tagList(tgw.tags),
      };
      for (const rt of tgw.routeTables) {
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
          resourceOwnerId: account.id,
          subnetIds: [],
          state: "available",
          createdAt: now,
          dnsSupport: "disable",
          securityGroupReferencingSupport: "disable",
          associatedRouteTableId: dx.associatedRouteTableId,
          advertisedPrefixes: dx.allowedPrefixes,
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
        dnsToken: c.dnsToken ?? createHash("sha256").update(c.arn).digest("hex").slice(0, 6),
        tags: c.tags,
      };
    }
  }
  return s;
}
