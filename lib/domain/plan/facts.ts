import type { AuthMode, ClientLocation } from "../request-input";

/** Facts gathered by discovery (lib/aws); the planner never guesses what these would have said. */

/** A Local Zone or Wavelength Zone: an extension of the Region hanging off a parent Availability Zone. */
export type EdgeZone = { type: "local-zone" | "wavelength-zone"; parentAzId: string };

export type SubnetFacts = {
  subnetId: string;
  azId: string;
  routeTableId: string;
  /** "" for an IPv6-only subnet. */
  cidr: string;
  /** DescribeSubnets Ipv6Native: the subnet has no IPv4 addresses. Absent: false. */
  ipv6Only?: boolean;
  /** Set when the subnet's zone is not an Availability Zone (DescribeAvailabilityZones ZoneType). */
  edgeZone?: EdgeZone;
};

export type RouteFacts = {
  destinationCidr: string;
  /** "local", or the id of the target: pcx-…, tgw-…, igw-…, nat-…, vgw-…, eni-… */
  target: string;
  state?: "active" | "blackhole";
  /** Propagated routes (VGW / TGW propagation) do not count against the per-table route quota. */
  propagated?: boolean;
};

export type RouteTableFacts = { routeTableId: string; routes: RouteFacts[] };

export type SgRuleSource =
  | { kind: "cidr"; cidr: string }
  | { kind: "sg"; groupId: string; userId?: string }
  | { kind: "prefix-list"; prefixListId: string };

/** One entry per source, as AWS counts rules against the per-group quota. */
export type SgIngressRule = { protocol: string; fromPort: number; toPort: number; source: SgRuleSource; ruleId?: string };

export type SecurityGroupFacts = { groupId: string; ingress: SgIngressRule[] };

export type VpcRef = { accountId: string; region: string; vpcId: string };

export type PeeringStatus =
  | "initiating-request"
  | "pending-acceptance"
  | "provisioning"
  | "active"
  | "failed"
  | "rejected"
  | "expired"
  | "deleting"
  | "deleted";

export type PeeringSide = VpcRef & { allowDnsResolutionFromRemoteVpc: boolean };

export type PeeringFacts = {
  peeringId: string;
  status: PeeringStatus;
  requester: PeeringSide;
  accepter: PeeringSide;
};

export type TgwAttachmentFacts = {
  attachmentId: string;
  transitGatewayId: string;
  state: "pendingAcceptance" | "pending" | "available" | "modifying" | "deleting" | "deleted" | "failed" | "rejected";
  subnetIds: string[];
  azIds: string[];
  securityGroupReferencingSupport: boolean;
  associatedRouteTableId: string | null;
  propagatedRouteTableIds: string[];
};

export type VpcNetworkFacts = VpcRef & {
  cidrs: string[];
  dnsHostnames: boolean;
  dnsSupport: boolean;
  routeTables: RouteTableFacts[];
  /** Peerings of this VPC in any state. */
  peerings: PeeringFacts[];
  tgwAttachments: TgwAttachmentFacts[];
};

/** Field names as GetBootstrapBrokers returns them, so discovery copies the response as is. */
export type BootstrapBrokers = {
  BootstrapBrokerString?: string;
  BootstrapBrokerStringTls?: string;
  BootstrapBrokerStringSaslScram?: string;
  BootstrapBrokerStringSaslIam?: string;
  BootstrapBrokerStringVpcConnectivityTls?: string;
  BootstrapBrokerStringVpcConnectivitySaslScram?: string;
  BootstrapBrokerStringVpcConnectivitySaslIam?: string;
};

export type MultiVpcAuthMode = Exclude<AuthMode, "plaintext">;

export type PolicyStatement = {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: { AWS: string | string[] } | "*";
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, unknown>;
};
export type PolicyDocument = { Version: "2012-10-17"; Statement: PolicyStatement[] };

export type ClusterFacts = VpcNetworkFacts & {
  arn: string;
  name: string;
  /** DescribeClusterV2 CurrentVersion, needed by UpdateConnectivity. */
  currentVersion: string;
  kafkaVersion: string;
  instanceType: string;
  brokerSubnets: SubnetFacts[];
  securityGroups: SecurityGroupFacts[];
  enabledAuthModes: AuthMode[];
  /** Unauthenticated access is on, even where no plaintext listener carries it (TLS-only encryption). */
  unauthenticatedAccess: boolean;
  /** allow.everyone.if.no.acl.found in the cluster's configuration (true in MSK's default configuration). */
  allowEveryoneIfNoAclFound: boolean;
  encryptionInTransit: "TLS" | "TLS_PLAINTEXT" | "PLAINTEXT";
  multiVpc: Record<MultiVpcAuthMode, boolean>;
  bootstrap: BootstrapBrokers;
  clusterPolicy: { policy: PolicyDocument; currentVersion: string } | null;
  /** Peering requests this account has outstanding (the quota counts per account). */
  outstandingPeeringRequests: number;
};

export type ClientFacts = VpcNetworkFacts & {
  /** The subnets named in the request, or every subnet of the VPC when none were named. */
  subnets: SubnetFacts[];
  securityGroupIds: string[];
  outstandingPeeringRequests: number;
};

export type TgwRouteFacts = {
  destinationCidr: string;
  type: "static" | "propagated";
  state: "active" | "blackhole";
  /** The attachment the route leads to (none for a blackhole). */
  attachmentId: string | null;
};

export type TransitHub = {
  accountId: string;
  region: string;
  transitGatewayId: string;
  transitGatewayArn: string;
  autoAcceptSharedAttachments: boolean;
  securityGroupReferencingSupport: boolean;
  routeTables: { sharedServices: string; spokes: string; onPrem: string };
  /**
   * The TGW's default route tables while DefaultRouteTableAssociation / DefaultRouteTablePropagation is
   * enable (null when off): AWS associates every new attachment with the first and propagates it into the
   * second by itself (Transit Gateway guide, tgw-route-tables).
   */
  defaultRouteTables: { association: string | null; propagation: string | null };
  /**
   * The Direct Connect gateway's association with this TGW, as its owner reads it
   * (DescribeDirectConnectGatewayAssociations); null when that account has none.
   */
  dxGatewayAssociation: {
    dxGatewayId: string;
    associationId: string;
    state: "associating" | "associated" | "disassociating" | "disassociated" | "updating";
    /** AWS -> on-premises: the only AWS-side prefixes the DX gateway advertises over the transit VIF. */
    allowedPrefixes: string[];
  } | null;
  /** The account that owns the DX gateway, where the association was looked for. */
  dxGatewayOwnerAccountId: string;
  /**
   * The active and blackhole routes (static and propagated) of the hub's route tables, by table id. What
   * on-premises advertises reaches a table as routes propagated from the DX gateway attachment.
   */
  routes: Record<string, TgwRouteFacts[]>;
  share: {
    resourceShareArn: string;
    /**
     * An active share of the TGW that allows principals outside the Organization (null when none does).
     * RAM refuses to add an outside account to a share created with allowExternalPrincipals false.
     */
    externalShareArn?: string | null;
    /** Principals the TGW share is associated with: account ids or organization / OU ARNs. */
    principals: string[];
    pendingInvitations: Array<{ accountId: string; invitationArn: string }>;
  } | null;
};

export type Quotas = {
  activePeeringsPerVpc: number;
  outstandingPeeringRequests: number;
  routesPerRouteTable: number;
  inboundRulesPerSecurityGroup: number;
};

export type PlatformSettings = {
  tagKeys: { requestId: string; stepKey: string };
  extraTags?: Record<string, string>;
  crossAccountVpcVia: "peering" | "transit-gateway";
  organization: { arn: string; accountIds: string[]; ramSharingEnabled: boolean } | null;
  transitHubs: TransitHub[];
  /**
   * What plans do about the propagation AWS turns on into a TGW's default route table for a new attachment:
   * "disable" it (the default), or "keep" it where the platform relies on the default table, with a warning.
   */
  tgwDefaultPropagation?: "disable" | "keep";
  /** Hubs the platform names but discovery could not read: only plans that need one are blocked by it. */
  unavailableHubs?: UnavailableHub[];
  quotas?: Partial<Quotas>;
};

export type UnavailableHub = { accountId: string; region: string; transitGatewayId: string; reason: string };

export type TopicAccess = { readTopics: string[]; writeTopics: string[]; consumerGroups: string[] };

export type PlanRequest = {
  id: string;
  client: ClientLocation;
  authModes: AuthMode[];
  /** A VPC client may ask for multi-VPC private connectivity instead of the default method. */
  preferredMethod?: "multi-vpc-private-connectivity";
  /** Narrows the IAM policy; without it the policy covers every topic and group of the cluster. */
  topicAccess?: TopicAccess;
};

export type PlanInput = {
  request: PlanRequest;
  cluster: ClusterFacts;
  client: ClientFacts | null;
  platform: PlatformSettings;
};
