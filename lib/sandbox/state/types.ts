/** The sandbox's model of AWS: plain JSON-serializable data, so it can be saved and reloaded. */
export type Tag = { key: string; value: string };

export type Vpc = {
  id: string;
  accountId: string;
  region: string;
  cidrBlock: string;
  enableDnsHostnames: boolean;
  enableDnsSupport: boolean;
  tags: Tag[];
};

export type Subnet = {
  id: string;
  accountId: string;
  region: string;
  vpcId: string;
  /** "" for an IPv6-only subnet, which has no IPv4 CIDR. */
  cidrBlock: string;
  ipv6CidrBlock?: string;
  /** An IPv6-only subnet (DescribeSubnets Ipv6Native); absent in older state files: false. */
  ipv6Native?: boolean;
  availabilityZone: string;
  availabilityZoneId: string;
  tags: Tag[];
};

export type Route = {
  destinationCidrBlock: string;
  origin: "CreateRouteTable" | "CreateRoute";
  gatewayId?: string;
  vpcPeeringConnectionId?: string;
  transitGatewayId?: string;
};

export type RouteTableAssociation = { id: string; subnetId?: string; main: boolean };

export type RouteTable = {
  id: string;
  accountId: string;
  region: string;
  vpcId: string;
  routes: Route[];
  associations: RouteTableAssociation[];
  tags: Tag[];
};

export type ReferencedGroup = { groupId: string; userId: string; vpcId?: string; vpcPeeringConnectionId?: string };

export type SecurityGroupRule = {
  id: string;
  isEgress: boolean;
  ipProtocol: string;
  fromPort: number;
  toPort: number;
  cidrIpv4?: string;
  referencedGroup?: ReferencedGroup;
  description?: string;
  tags: Tag[];
};

export type SecurityGroup = {
  id: string;
  accountId: string;
  region: string;
  vpcId: string;
  name: string;
  description: string;
  rules: SecurityGroupRule[];
  tags: Tag[];
};

export type PeeringStatus =
  | "initiating-request"
  | "pending-acceptance"
  | "provisioning"
  | "active"
  | "failed"
  | "rejected"
  | "deleted"
  | "expired";

export type PeeringSide = {
  accountId: string;
  region: string;
  vpcId: string;
  cidrBlock: string;
  allowDnsResolutionFromRemoteVpc: boolean;
};

export type VpcPeering = {
  id: string;
  requester: PeeringSide;
  accepter: PeeringSide;
  status: PeeringStatus;
  statusMessage: string;
  createdAt: number;
  /** When the current transitional status ends. */
  dueAt?: number;
  expiresAt: number;
  tags: Tag[];
};

export type TransitGateway = {
  id: string;
  accountId: string;
  region: string;
  description: string;
  amazonSideAsn: number;
  autoAcceptSharedAttachments: "enable" | "disable";
  defaultRouteTableAssociation: "enable" | "disable";
  defaultRouteTablePropagation: "enable" | "disable";
  /** Kept when the option is turned off, as AWS keeps it in `Options`; only acted on while it is enable. */
  associationDefaultRouteTableId?: string;
  propagationDefaultRouteTableId?: string;
  securityGroupReferencingSupport: "enable" | "disable";
  dnsSupport: "enable" | "disable";
  createdAt: number;
  tags: Tag[];
};

export type TgwAttachmentState =
  | "pendingAcceptance"
  | "pending"
  | "available"
  | "rejected"
  | "deleting"
  | "deleted"
  | "failed";

export type TgwAttachment = {
  id: string;
  transitGatewayId: string;
  resourceType: "vpc" | "direct-connect-gateway";
  resourceId: string;
  resourceOwnerId: string;
  subnetIds: string[];
  state: TgwAttachmentState;
  dueAt?: number;
  createdAt: number;
  dnsSupport: "enable" | "disable";
  securityGroupReferencingSupport: "enable" | "disable";
  associatedRouteTableId?: string;
  /** Prefixes a Direct Connect gateway advertises (its allowed prefixes). */
  advertisedPrefixes: string[];
  tags: Tag[];
};

export type TgwStaticRoute = { destinationCidrBlock: string; attachmentId?: string; blackhole: boolean };

export type TgwRouteTable = {
  id: string;
  transitGatewayId: string;
  accountId: string;
  region: string;
  createdAt: number;
  propagations: string[];
  staticRoutes: TgwStaticRoute[];
  tags: Tag[];
};

export type AuthScheme = "iam" | "scram" | "tls";

export type MskCluster = {
  arn: string;
  name: string;
  accountId: string;
  region: string;
  createdAt: number;
  kafkaVersion: string;
  instanceType: string;
  numberOfBrokerNodes: number;
  brokerSubnets: string[];
  zoneIds: string[];
  securityGroups: string[];
  auth: { iam: boolean; scram: boolean; tls: boolean; unauthenticated: boolean };
  clientBroker: "TLS" | "TLS_PLAINTEXT" | "PLAINTEXT";
  vpcConnectivity: Record<AuthScheme, boolean>;
  state: "ACTIVE" | "UPDATING";
  currentVersion: string;
  pendingUpdate?: { dueAt: number; vpcConnectivity: Record<AuthScheme, boolean>; operationArn: string; failure?: MskErrorInfo };
  /** Its custom MSK configuration; absent means MSK's default configuration (no ARN on the cluster). */
  configuration?: MskConfiguration;
  /** Cluster operations by ARN (DescribeClusterOperationV2); absent in older state files. */
  operations?: Record<string, MskClusterOperation>;
  /** A failure the next UpdateConnectivity operation ends in (injected by a topology or the control API). */
  failNextUpdate?: MskErrorInfo;
  policy?: { document: string; version: string };
  dnsToken: string;
  tags: Record<string, string>;
};

export type MskConfiguration = { arn: string; revision: number; serverProperties: string; createdAt: number };

export type MskErrorInfo = { errorCode: string; errorString: string };

export type MskClusterOperation = {
  arn: string;
  clusterArn: string;
  operationType: "UPDATE_CONNECTIVITY";
  state: "PENDING" | "UPDATE_IN_PROGRESS" | "UPDATE_COMPLETE" | "UPDATE_FAILED";
  startedAt: number;
  endedAt?: number;
  errorInfo?: MskErrorInfo;
};

/** MSK has no DELETED state: a deleted connection disappears once DELETING ends. */
export type VpcConnectionState =
  | "CREATING"
  | "AVAILABLE"
  | "INACTIVE"
  | "DEACTIVATING"
  | "DELETING"
  | "REJECTING"
  | "REJECTED"
  | "FAILED";

export type MskVpcConnection = {
  arn: string;
  clusterArn: string;
  accountId: string;
  region: string;
  vpcId: string;
  subnets: string[];
  securityGroups: string[];
  authentication: "SASL_IAM" | "SASL_SCRAM" | "TLS";
  state: VpcConnectionState;
  dueAt?: number;
  createdAt: number;
  tags: Record<string, string>;
};

export type ResourceShare = {
  arn: string;
  name: string;
  ownerAccountId: string;
  region: string;
  allowExternalPrincipals: boolean;
  status: "ACTIVE" | "DELETED";
  createdAt: number;
  updatedAt: number;
  tags: Tag[];
  resources: { arn: string; status: "ASSOCIATED" | "DISASSOCIATED"; createdAt: number; updatedAt: number }[];
  principals: {
    accountId: string;
    status: "ASSOCIATING" | "ASSOCIATED" | "DISASSOCIATED";
    external: boolean;
    createdAt: number;
    updatedAt: number;
  }[];
};

export type ResourceShareInvitation = {
  arn: string;
  shareArn: string;
  senderAccountId: string;
  receiverAccountId: string;
  region: string;
  status: "PENDING" | "ACCEPTED" | "REJECTED";
  createdAt: number;
};

/** An ENI made with CreateNetworkInterface; a cluster's broker ENIs are derived from it (network/broker-interfaces.ts). */
export type NetworkInterface = {
  id: string;
  accountId: string;
  region: string;
  subnetId: string;
  vpcId: string;
  privateIpAddress: string;
  securityGroupIds: string[];
  description: string;
  /** "interface" for one made with CreateNetworkInterface; broker ENIs are MSK's, in the cluster's account. */
  interfaceType: "interface";
  requesterManaged: boolean;
  tags: Tag[];
};

export type NetworkAclEntry = {
  ruleNumber: number;
  egress: boolean;
  /** "-1" for every protocol, else the IANA number as a string ("6" for TCP), as EC2 stores it. */
  protocol: string;
  ruleAction: "allow" | "deny";
  cidrBlock: string;
  portRange?: { from: number; to: number };
};

/**
 * Network ACL entries a caller added with CreateNetworkAclEntry, by VPC. Every VPC has a default ACL that
 * allows all traffic both ways (rule 100) before the final deny (`*`); a VPC absent here has only that.
 */
export type VpcNetworkAcl = { id: string; vpcId: string; accountId: string; region: string; entries: NetworkAclEntry[] };

export type NetworkInsightsPath = {
  id: string;
  accountId: string;
  region: string;
  source: string;
  destination?: string;
  destinationIp?: string;
  protocol: "tcp" | "udp";
  destinationPort?: number;
  createdAt: number;
  tags: Tag[];
};

export type NetworkInsightsAnalysis = {
  id: string;
  accountId: string;
  region: string;
  pathId: string;
  startedAt: number;
  /** When the analysis answers; until then Describe says `running`. */
  dueAt: number;
  /** Worked out when started, from the network as it was then (as AWS snapshots the configuration). */
  result: { status: "succeeded"; networkPathFound: boolean; forward: unknown[]; return: unknown[]; explanations: unknown[] } | { status: "failed"; statusMessage: string };
  tags: Tag[];
};

export type Session = { accountId: string; roleName: string; sessionName: string; expiresAt: number };

export type SandboxState = {
  /** `reserved`: ids the topology gave that the generator must skip. */
  counter: { next: number; reserved?: string[] };
  sessions: Record<string, Session>;
  vpcs: Record<string, Vpc>;
  subnets: Record<string, Subnet>;
  routeTables: Record<string, RouteTable>;
  securityGroups: Record<string, SecurityGroup>;
  peerings: Record<string, VpcPeering>;
  transitGateways: Record<string, TransitGateway>;
  tgwAttachments: Record<string, TgwAttachment>;
  tgwRouteTables: Record<string, TgwRouteTable>;
  clusters: Record<string, MskCluster>;
  vpcConnections: Record<string, MskVpcConnection>;
  resourceShares: Record<string, ResourceShare>;
  invitations: Record<string, ResourceShareInvitation>;
  /** Service-linked roles per account (AWSServiceRoleForVPCTransitGateway); absent in older state files. */
  serviceLinkedRoles?: Record<string, string[]>;
  /** Absent in older state files: none. */
  networkInterfaces?: Record<string, NetworkInterface>;
  networkAcls?: Record<string, VpcNetworkAcl>;
  insightsPaths?: Record<string, NetworkInsightsPath>;
  insightsAnalyses?: Record<string, NetworkInsightsAnalysis>;
};
