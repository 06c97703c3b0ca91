import { z } from "zod";
import { ROLE_KINDS } from "../iam/default-role-policies";
import { policyDocumentSchema } from "../iam/policy-document";
import {
  ingressRuleSchema,
  peeringSchema,
  resourceShareSchema,
  routeSchema,
  tgwRouteTableSchema,
  tgwVpcAttachmentSchema,
  vpcConnectionSchema,
} from "./brownfield-schema";
import { checkReferences } from "./check-references";
import { directConnectGatewaySchema } from "./direct-connect-schema";
import { accountId, cidr, enableDisable, id, tags } from "./schema-parts";

/**
 * The JSON format of a sandbox topology: what exists before the portal touches anything. Every object is
 * strict, so a misspelt key is an error at its JSON path rather than a setting silently ignored.
 */

/** An IPv6-only subnet (`ipv6Native`) has an IPv6 CIDR and no IPv4 one, as CreateSubnet makes it. */
const subnetSchema = z
  .strictObject({
    id: id("subnet"),
    cidrBlock: cidr.optional(),
    ipv6CidrBlock: z.string().regex(/^[0-9a-f:]+\/\d{1,3}$/i, "an IPv6 CIDR like 2600:1f18:1:100::/64").optional(),
    ipv6Native: z.boolean().default(false),
    availabilityZone: z.string(),
    availabilityZoneId: z.string(),
    routeTableId: id("rtb").optional(),
    tags,
  })
  .superRefine((sn, issue) => {
    if (sn.ipv6Native && (sn.cidrBlock !== undefined || sn.ipv6CidrBlock === undefined)) {
      issue.addIssue({ code: "custom", path: ["ipv6Native"], message: "an IPv6-only subnet has ipv6CidrBlock and no cidrBlock" });
    } else if (!sn.ipv6Native && sn.cidrBlock === undefined) {
      issue.addIssue({ code: "custom", path: ["cidrBlock"], message: "required unless the subnet is ipv6Native" });
    }
  });

/**
 * Zones beyond the Region's Availability Zones (which the subnets name): Local Zones and Wavelength Zones,
 * each tied to a parent Availability Zone. An account has opted in to one exactly when it has a subnet there.
 */
const edgeZoneSchema = z.strictObject({
  zoneName: z.string(),
  zoneId: z.string(),
  region: z.string(),
  zoneType: z.enum(["local-zone", "wavelength-zone"]).default("local-zone"),
  parentZoneName: z.string(),
  parentZoneId: z.string(),
});

const routeTableSchema = z.strictObject({
  id: id("rtb"),
  main: z.boolean().default(false),
  tags,
  routes: z.array(routeSchema).default([]),
});

const securityGroupSchema = z.strictObject({
  id: id("sg"),
  name: z.string(),
  description: z.string().default("sandbox security group"),
  tags,
  ingressRules: z.array(ingressRuleSchema).default([]),
});

const vpcSchema = z.strictObject({
  id: id("vpc"),
  region: z.string(),
  cidrBlock: cidr,
  enableDnsHostnames: z.boolean().default(true),
  enableDnsSupport: z.boolean().default(true),
  tags,
  subnets: z.array(subnetSchema).default([]),
  routeTables: z.array(routeTableSchema).default([]),
  securityGroups: z.array(securityGroupSchema).default([]),
});

/**
 * CreateTransitGateway's defaults: both default-route-table options enable, auto-accept and SG referencing
 * disable. A TGW may name its default table(s) among its route tables; one that leaves a default it uses
 * unnamed gets the table AWS creates for it (see seed-state).
 */
const transitGatewaySchema = z
  .strictObject({
    id: id("tgw"),
    region: z.string(),
    description: z.string().default(""),
    amazonSideAsn: z.number().int().default(64512),
    autoAcceptSharedAttachments: enableDisable.default("disable"),
    defaultRouteTableAssociation: enableDisable.default("enable"),
    defaultRouteTablePropagation: enableDisable.default("enable"),
    associationDefaultRouteTableId: id("tgw-rtb").optional(),
    propagationDefaultRouteTableId: id("tgw-rtb").optional(),
    securityGroupReferencingSupport: enableDisable.default("disable"),
    tags,
    routeTables: z.array(tgwRouteTableSchema).default([]),
    vpcAttachments: z.array(tgwVpcAttachmentSchema).default([]),
    directConnectGatewayAttachments: z
      .array(
        z.strictObject({
          id: id("tgw-attach"),
          directConnectGatewayId: z.string(),
          associatedRouteTableId: id("tgw-rtb").optional(),
          propagatesToRouteTableIds: z.array(id("tgw-rtb")).default([]),
          // What on-premises advertises over the transit VIF: the attachment propagates these into its tables.
          advertisedPrefixes: z.array(cidr).default([]),
          tags,
        }),
      )
      .default([]),
  })
  .superRefine((tgw, issue) => {
    for (const field of ["associationDefaultRouteTableId", "propagationDefaultRouteTableId"] as const) {
      const table = tgw[field];
      if (table !== undefined && !tgw.routeTables.some((r) => r.id === table)) {
        issue.addIssue({ code: "custom", path: [field], message: `${table} is not one of this transit gateway's routeTables` });
      }
    }
  });

const clusterSchema = z.strictObject({
  name: z.string(),
  arn: z.string().regex(/^arn:aws:kafka:[a-z0-9-]+:\d{12}:cluster\/[^/]+\/[^/]+$/, "an MSK cluster ARN"),
  kafkaVersion: z.string().default("3.6.0"),
  instanceType: z.string().default("kafka.m5.large"),
  brokerSubnetIds: z.array(id("subnet")).min(2),
  securityGroupIds: z.array(id("sg")).min(1),
  clientAuthentication: z
    .strictObject({
      iam: z.boolean().default(false),
      scram: z.boolean().default(false),
      tls: z.boolean().default(false),
      unauthenticated: z.boolean().default(false),
    })
    .prefault({}),
  encryptionInTransit: z.enum(["TLS", "TLS_PLAINTEXT", "PLAINTEXT"]).default("TLS"),
  multiVpcConnectivity: z
    .strictObject({ iam: z.boolean().default(false), scram: z.boolean().default(false), tls: z.boolean().default(false) })
    .prefault({}),
  clusterPolicy: z.string().optional(),
  /**
   * The server.properties of the cluster's custom MSK configuration (revision 1); without it the cluster
   * runs MSK's default configuration, which has allow.everyone.if.no.acl.found=true.
   */
  serverProperties: z.string().optional(),
  /** The next UpdateConnectivity operation ends UPDATE_FAILED with this error (a failed rolling update). */
  failNextConnectivityUpdate: z.strictObject({ errorCode: z.string(), errorString: z.string() }).optional(),
  dnsToken: z.string().regex(/^[a-z0-9]{6}$/).optional(),
  tags,
});

const accountSchema = z.strictObject({
  id: accountId,
  name: z.string(),
  organizationId: z.string().optional(),
  roleName: z.string().default("MskConnectivityPortal"),
  externalId: z.string().default("msk-portal-dev"),
  /**
   * The account's own engineers' role (unrestricted, no external id): what tests use to change a network
   * outside the portal, as a team would. The portal's policy applies to roleName only.
   */
  engineerRoleName: z.string().default("OrganizationAccountAccessRole"),
  /** The role's policy is the role kit's for this kind (deploy/iam/policies), unless rolePolicy is given. */
  roleKind: z.enum(ROLE_KINDS).optional(),
  /** The role's own policy; with neither this nor roleKind the role may do anything. */
  rolePolicy: policyDocumentSchema.optional(),
  /** Service-linked roles the account already has, e.g. AWSServiceRoleForVPCTransitGateway. */
  serviceLinkedRoles: z.array(z.string()).default([]),
  vpcs: z.array(vpcSchema).default([]),
  transitGateways: z.array(transitGatewaySchema).default([]),
  /** Direct Connect gateways this account owns (global), with their TGW associations. */
  directConnectGateways: z.array(directConnectGatewaySchema).default([]),
  clusters: z.array(clusterSchema).default([]),
  /** RAM shares this account owns. */
  resourceShares: z.array(resourceShareSchema).default([]),
  /** MSK multi-VPC connections this account made to a cluster (its own or another account's). */
  vpcConnections: z.array(vpcConnectionSchema).default([]),
});

/** Default quotas are AWS's defaults (see DOMAIN.md); a topology may lower them so tests can hit them. */
export const quotasSchema = z
  .strictObject({
    activePeeringsPerVpc: z.number().int().positive().default(50),
    outstandingPeeringsPerAccount: z.number().int().positive().default(25),
    routesPerRouteTable: z.number().int().positive().default(500),
    inboundRulesPerSecurityGroup: z.number().int().positive().default(60),
    transitGatewaysPerAccount: z.number().int().positive().default(5),
    routeTablesPerTransitGateway: z.number().int().positive().default(20),
    attachmentsPerTransitGateway: z.number().int().positive().default(5000),
  })
  .prefault({});

const topologyFields = z.strictObject({
  /** The account the portal itself runs in: any access key the sandbox did not issue acts as it. */
  portalAccountId: accountId.default("999999999999"),
  organizations: z
    .array(
      z.strictObject({
        id: z.string().regex(/^o-[a-z0-9]{10,32}$/),
        ramSharingEnabled: z.boolean().default(true),
        managementAccountId: accountId.optional(),
        /**
         * Reachability Analyzer's trusted access with Organizations and its delegated administrators: only
         * the management account and those may analyse paths through other member accounts' resources.
         */
        reachabilityAnalyzer: z
          .strictObject({ trustedAccess: z.boolean().default(false), delegatedAdministrators: z.array(accountId).default([]) })
          .prefault({}),
      }),
    )
    .default([]),
  accounts: z.array(accountSchema),
  /** Between two VPCs the topology describes, in whichever accounts and Regions they are. */
  peerings: z.array(peeringSchema).default([]),
  edgeZones: z.array(edgeZoneSchema).default([]),
  /**
   * How long (AWS time, scaled by timeScale) a RAM principal waits after its association or acceptance before
   * its EC2 calls see the shared TGW. 0 by default, so tests stay fast; set it to exercise eventual consistency.
   */
  sharePropagationMs: z.number().int().nonnegative().default(0),
  quotas: quotasSchema,
});

/** Ids that name other objects (a route's peering, a rule's group) must name ones the topology has. */
export const topologySchema = topologyFields.superRefine(checkReferences);

export type SandboxTopology = z.input<typeof topologySchema>;
export type ParsedTopology = z.output<typeof topologyFields>;
export type Quotas = z.output<typeof quotasSchema>;
