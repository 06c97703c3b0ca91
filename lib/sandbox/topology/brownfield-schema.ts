import { z } from "zod";
import { accountId, cidr, enableDisable, id, tags } from "./schema-parts";

/**
 * What a network already holds before the portal arrives, in the shapes the AWS services report them.
 * States are AWS's own; cross-references (a route's peering, a rule's group) are checked in
 * check-references.ts, which sees the whole topology.
 */

/** A route's state is not given: AWS derives it from the target (a deleted peering makes it a blackhole). */
export const routeSchema = z
  .strictObject({
    destinationCidrBlock: cidr,
    vpcPeeringConnectionId: id("pcx").optional(),
    transitGatewayId: id("tgw").optional(),
    /** `local` (only for the VPC's own CIDR, which every table has anyway) or an internet / virtual private gateway. */
    gatewayId: z.union([z.literal("local"), id("igw"), id("vgw")]).optional(),
    state: z.enum(["active", "blackhole"]).optional(),
  })
  .refine((r) => [r.vpcPeeringConnectionId, r.transitGatewayId, r.gatewayId].filter(Boolean).length === 1, {
    message: "a route has exactly one target: vpcPeeringConnectionId, transitGatewayId or gatewayId",
  });

/** One ingress rule as DescribeSecurityGroupRules shows it; a group in another account is "accountId/sg-...". */
export const ingressRuleSchema = z
  .strictObject({
    id: id("sgr").optional(),
    ipProtocol: z.enum(["tcp", "udp", "icmp", "-1"]),
    fromPort: z.number().int().min(-1).max(65535).default(-1),
    toPort: z.number().int().min(-1).max(65535).default(-1),
    cidrIpv4: cidr.optional(),
    referencedGroupId: z
      .string()
      .regex(/^(\d{12}\/)?sg-[0-9a-f]{8,17}$/, "a group id like sg-0123456789abcdef0 or 123456789012/sg-0123456789abcdef0")
      .optional(),
    description: z.string().optional(),
    tags,
  })
  .refine((r) => (r.cidrIpv4 === undefined) !== (r.referencedGroupId === undefined), {
    message: "a rule admits exactly one source: cidrIpv4 or referencedGroupId",
  });

export const peeringStatus = z.enum([
  "initiating-request",
  "pending-acceptance",
  "provisioning",
  "active",
  "failed",
  "rejected",
  "deleted",
  "expired",
]);

/** Both sides' accounts, regions and CIDRs come from the two VPCs, which the topology must describe. */
export const peeringSchema = z.strictObject({
  id: id("pcx"),
  requesterVpcId: id("vpc"),
  accepterVpcId: id("vpc"),
  status: peeringStatus.default("active"),
  requesterAllowDnsResolutionFromRemoteVpc: z.boolean().default(false),
  accepterAllowDnsResolutionFromRemoteVpc: z.boolean().default(false),
  tags,
});

/** A static route to an attachment, or a blackhole (CreateTransitGatewayRoute). */
export const tgwStaticRouteSchema = z
  .strictObject({
    destinationCidrBlock: cidr,
    transitGatewayAttachmentId: id("tgw-attach").optional(),
    blackhole: z.boolean().default(false),
  })
  .refine((r) => r.blackhole !== (r.transitGatewayAttachmentId !== undefined), {
    message: "a static route goes to transitGatewayAttachmentId or is blackhole: true, not both",
  });

export const tgwRouteTableSchema = z.strictObject({
  id: id("tgw-rtb"),
  tags,
  routes: z.array(tgwStaticRouteSchema).default([]),
});

/**
 * A VPC attachment keeps exactly the association and propagations given: whatever the TGW's defaults did
 * at creation, someone may have changed since. One in pendingAcceptance, rejected, failed or deleted has none.
 */
export const tgwVpcAttachmentSchema = z.strictObject({
  id: id("tgw-attach"),
  vpcId: id("vpc"),
  subnetIds: z.array(id("subnet")).min(1),
  state: z.enum(["pendingAcceptance", "pending", "available", "rejected", "deleting", "deleted", "failed"]).default("available"),
  associatedRouteTableId: id("tgw-rtb").optional(),
  propagatesToRouteTableIds: z.array(id("tgw-rtb")).default([]),
  dnsSupport: enableDisable.default("enable"),
  // The attachment option defaults to enable, the TGW's to disable (CreateTransitGatewayVpcAttachment).
  securityGroupReferencingSupport: enableDisable.default("enable"),
  tags,
});

const ramUuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/**
 * A principal in the owner's Organization (RAM sharing on) is associated without an invitation; anyone
 * else got one, whose status decides the association's.
 */
export const sharePrincipalSchema = z.strictObject({
  accountId,
  invitationStatus: z.enum(["PENDING", "ACCEPTED", "REJECTED"]).optional(),
  invitationArn: z
    .string()
    .regex(new RegExp(`^arn:aws:ram:[a-z0-9-]+:\\d{12}:resource-share-invitation/${ramUuid}$`), "a RAM invitation ARN")
    .optional(),
});

/** Owned by the account it is listed under, in the Region its ARN names. */
export const resourceShareSchema = z.strictObject({
  arn: z.string().regex(new RegExp(`^arn:aws:ram:[a-z0-9-]+:\\d{12}:resource-share/${ramUuid}$`), "a RAM resource share ARN"),
  name: z.string().min(1),
  allowExternalPrincipals: z.boolean().default(true),
  status: z.enum(["ACTIVE", "DELETED"]).default("ACTIVE"),
  /** Transit gateway ARNs: the sandbox shares transit gateways only. */
  resourceArns: z.array(z.string()).default([]),
  principals: z.array(sharePrincipalSchema).default([]),
  tags,
});

/** A multi-VPC connection the client account made (CreateVpcConnection), listed under that account. */
export const vpcConnectionSchema = z.strictObject({
  arn: z
    .string()
    .regex(
      /^arn:aws:kafka:[a-z0-9-]+:\d{12}:vpc-connection\/\d{12}\/[^/]+\/[^/]+$/,
      "an MSK VPC connection ARN (arn:aws:kafka:REGION:CLIENT_ACCOUNT:vpc-connection/CLUSTER_ACCOUNT/CLUSTER_NAME/UUID)",
    ),
  clusterArn: z.string(),
  vpcId: id("vpc"),
  subnetIds: z.array(id("subnet")).min(1),
  securityGroupIds: z.array(id("sg")).min(1),
  authentication: z.enum(["SASL_IAM", "SASL_SCRAM", "TLS"]),
  state: z.enum(["CREATING", "AVAILABLE", "INACTIVE", "DEACTIVATING", "DELETING", "REJECTING", "REJECTED", "FAILED"]).default("AVAILABLE"),
  tags: z.record(z.string(), z.string()).default({}),
});
