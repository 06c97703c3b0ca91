import { z } from "zod";
import { ROLE_KINDS } from "../iam/default-role-policies";
import { policyDocumentSchema } from "../iam/policy-document";

/** The JSON format of a sandbox topology: what exists before the portal touches anything. */
const accountId = z.string().regex(/^\d{12}$/, "an AWS account id is 12 digits");
const cidr = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, "an IPv4 CIDR like 10.0.0.0/16");
const tags = z.record(z.string(), z.string()).default({});
const id = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}-[0-9a-f]{8,17}$`), `an id like ${prefix}-0123456789abcdef0`);

const subnetSchema = z.object({
  id: id("subnet"),
  cidrBlock: cidr,
  availabilityZone: z.string(),
  availabilityZoneId: z.string(),
  routeTableId: id("rtb").optional(),
  tags,
});

const routeTableSchema = z.object({
  id: id("rtb"),
  main: z.boolean().default(false),
  tags,
});

const securityGroupSchema = z.object({
  id: id("sg"),
  name: z.string(),
  description: z.string().default("sandbox security group"),
  tags,
});

const vpcSchema = z.object({
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

const enableDisable = z.enum(["enable", "disable"]);

const transitGatewaySchema = z.object({
  id: id("tgw"),
  region: z.string(),
  description: z.string().default(""),
  amazonSideAsn: z.number().int().default(64512),
  autoAcceptSharedAttachments: enableDisable.default("disable"),
  defaultRouteTableAssociation: enableDisable.default("disable"),
  defaultRouteTablePropagation: enableDisable.default("disable"),
  securityGroupReferencingSupport: enableDisable.default("disable"),
  tags,
  routeTables: z.array(z.object({ id: id("tgw-rtb"), tags })).default([]),
  directConnectGatewayAttachments: z
    .array(
      z.object({
        id: id("tgw-attach"),
        directConnectGatewayId: z.string(),
        associatedRouteTableId: id("tgw-rtb").optional(),
        propagatesToRouteTableIds: z.array(id("tgw-rtb")).default([]),
        allowedPrefixes: z.array(cidr).default([]),
        tags,
      }),
    )
    .default([]),
});

const clusterSchema = z.object({
  name: z.string(),
  arn: z.string().regex(/^arn:aws:kafka:[a-z0-9-]+:\d{12}:cluster\/[^/]+\/[^/]+$/, "an MSK cluster ARN"),
  kafkaVersion: z.string().default("3.6.0"),
  instanceType: z.string().default("kafka.m5.large"),
  brokerSubnetIds: z.array(id("subnet")).min(2),
  securityGroupIds: z.array(id("sg")).min(1),
  clientAuthentication: z
    .object({
      iam: z.boolean().default(false),
      scram: z.boolean().default(false),
      tls: z.boolean().default(false),
      unauthenticated: z.boolean().default(false),
    })
    .prefault({}),
  encryptionInTransit: z.enum(["TLS", "TLS_PLAINTEXT", "PLAINTEXT"]).default("TLS"),
  multiVpcConnectivity: z
    .object({ iam: z.boolean().default(false), scram: z.boolean().default(false), tls: z.boolean().default(false) })
    .prefault({}),
  clusterPolicy: z.string().optional(),
  dnsToken: z.string().regex(/^[a-z0-9]{6}$/).optional(),
  tags,
});

const accountSchema = z.object({
  id: accountId,
  name: z.string(),
  organizationId: z.string().optional(),
  roleName: z.string().default("MskConnectivityPortal"),
  externalId: z.string().default("msk-portal-dev"),
  /** The role's policy is the role kit's for this kind (deploy/iam/policies), unless rolePolicy is given. */
  roleKind: z.enum(ROLE_KINDS).optional(),
  /** The role's own policy; with neither this nor roleKind the role may do anything. */
  rolePolicy: policyDocumentSchema.optional(),
  /** Service-linked roles the account already has, e.g. AWSServiceRoleForVPCTransitGateway. */
  serviceLinkedRoles: z.array(z.string()).default([]),
  vpcs: z.array(vpcSchema).default([]),
  transitGateways: z.array(transitGatewaySchema).default([]),
  clusters: z.array(clusterSchema).default([]),
});

/** Default quotas are AWS's defaults (see DOMAIN.md); a topology may lower them so tests can hit them. */
export const quotasSchema = z
  .object({
    activePeeringsPerVpc: z.number().int().positive().default(50),
    outstandingPeeringsPerAccount: z.number().int().positive().default(25),
    routesPerRouteTable: z.number().int().positive().default(50),
    inboundRulesPerSecurityGroup: z.number().int().positive().default(60),
    transitGatewaysPerAccount: z.number().int().positive().default(5),
    routeTablesPerTransitGateway: z.number().int().positive().default(20),
    attachmentsPerTransitGateway: z.number().int().positive().default(5000),
  })
  .prefault({});

export const topologySchema = z.object({
  /** The account the portal itself runs in: any access key the sandbox did not issue acts as it. */
  portalAccountId: accountId.default("999999999999"),
  organizations: z
    .array(z.object({ id: z.string().regex(/^o-[a-z0-9]{10,32}$/), ramSharingEnabled: z.boolean().default(true) }))
    .default([]),
  accounts: z.array(accountSchema),
  quotas: quotasSchema,
});

export type SandboxTopology = z.input<typeof topologySchema>;
export type ParsedTopology = z.output<typeof topologySchema>;
export type Quotas = z.output<typeof quotasSchema>;
