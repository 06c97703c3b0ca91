import type { Quotas } from "./facts";

/** The AWS documentation each preflight rule rests on, quoted in findings and test names. */
export const AWS_RULES = {
  peeringOverlap:
    "VPC Peering guide (vpc-peering-basics): a peering between VPCs with overlapping IPv4 CIDR blocks goes to failed",
  peeringNotTransitive: "VPC Peering guide (vpc-peering-basics): peering is not transitive",
  peeringAccept:
    "AcceptVpcPeeringConnection: the owner of the accepter VPC accepts, in the accepter's Region for inter-Region peering",
  peeringSgReference:
    "VPC Peering guide (vpc-peering-security-groups): a rule may reference a peer VPC's group only over an active peering in the same Region; cross-account as account/sg-id",
  peeringDns:
    "VPC Peering guide (vpc-peering-dns): AllowDnsResolutionFromRemoteVpc on the side whose names are resolved; both VPCs need DNS hostnames and DNS resolution",
  quotaActivePeerings: "Amazon VPC quotas: 50 active VPC peering connections per VPC",
  quotaOutstandingPeerings: "Amazon VPC quotas: 25 outstanding VPC peering connection requests per account",
  quotaRoutes:
    "Amazon VPC quotas (Route tables): 500 non-propagated routes per route table by default, adjustable to 1,000, enforced separately for IPv4 and IPv6; the local route and propagated routes are not among them",
  quotaInboundRules: "Amazon VPC quotas: 60 inbound rules per security group",
  routeOwnership: "Portal rule: never replace or remove a route the portal did not create",
  tgwAzCoverage:
    "Transit Gateway guide (tgw-vpc-attachments): resources in an Availability Zone without an attachment subnet cannot reach the transit gateway",
  tgwAttachmentSubnets:
    "Transit Gateway guide (tgw-vpc-attachments): an attachment cannot use a subnet in a Local Zone (its resources reach the transit gateway through the parent Availability Zone) nor an IPv6-only subnet",
  tgwOverlap:
    "Transit Gateway guide (tgw-vpc-attachments): routes of a VPC whose CIDR overlaps an attached VPC's are not propagated",
  tgwAccept:
    "Transit Gateway guide: with AutoAcceptSharedAttachments disabled (the default) the owner accepts attachments in pendingAcceptance",
  tgwDefaultRouteTables:
    "Transit Gateway guide (tgw-route-tables): with DefaultRouteTableAssociation and DefaultRouteTablePropagation enabled (CreateTransitGateway's default) each new attachment is associated with, and propagates into, the default route table at once; an attachment is associated with at most one route table",
  tgwSgReference:
    "Transit Gateway guide (security group referencing): inbound rules may reference groups of other VPCs attached in the same Region when SecurityGroupReferencingSupport is enabled on the transit gateway and the attachment",
  ramInvitation:
    "AWS RAM: inside an organization with sharing enabled no invitation is needed; otherwise the receiving account accepts the invitation",
  dxAssociation:
    "Direct Connect guide (direct-connect-transit-gateways): on-premises traffic reaches the transit gateway through a Direct Connect gateway association over a transit VIF",
  dxAllowedPrefixes:
    "Direct Connect guide (allowed-to-prefixes): for a transit gateway association, AWS advertises exactly the allowed prefixes to on-premises, so the AWS addresses on-premises reaches must be inside them",
  dxOnPremRoutes:
    "Direct Connect guide (direct-connect-transit-gateways) and Transit Gateway guide (tgw-route-tables): the prefixes on-premises advertises over the transit VIF reach the transit gateway as routes propagated from the DX gateway attachment; traffic from a VPC attachment follows only the route table it is associated with",
  mskAuthEnabled: "MSK developer guide (client authentication): a client can use only the authentication modes enabled on the cluster",
  mskPorts: "MSK developer guide (port information): 9092 plaintext, 9094 TLS, 9096 SASL/SCRAM, 9098 IAM inside AWS",
  mvpcAuth:
    "MSK multi-VPC private connectivity (aws-access-mult-vpc): IAM, TLS and SASL/SCRAM only; no plaintext or unauthenticated access",
  mvpcRegion: "MSK multi-VPC private connectivity: the client VPC must be in the cluster's Region",
  mvpcZones:
    "MSK multi-VPC private connectivity: a VPC connection takes one client subnet per Availability Zone, in zone IDs the cluster's brokers use (its endpoints are interface VPC endpoints)",
  mvpcRequirements: "MSK multi-VPC private connectivity: Apache Kafka 2.7.1 or later, not on kafka.t3.small brokers",
  mvpcReboot: "MSK multi-VPC private connectivity: turning it on updates the brokers (30 minutes or more)",
  mvpcPorts:
    "MSK multi-VPC private connectivity: brokers listen on ports 14001-14100, one per broker; the VPC connection's security groups must admit the clients on them",
  mvpcOneScheme: "MSK multi-VPC private connectivity: one authentication scheme per VPC connection",
  mvpcUnauthenticated:
    "MSK multi-VPC private connectivity (mvpc-requirements): a cluster with unauthenticated access turned on cannot use it",
  mvpcAcls:
    "MSK multi-VPC private connectivity (mvpc-requirements, mvpc-cross-account-permissions): SASL/SCRAM and mTLS need Apache Kafka ACLs and allow.everyone.if.no.acl.found=false in the cluster configuration; MSK's default configuration sets it to true",
  clusterPolicy:
    "MSK cluster policy: grant kafka:CreateVpcConnection, GetBootstrapBrokers, DescribeCluster, DescribeClusterV2; PutClusterPolicy needs CurrentVersion to update",
  crossAccountIam:
    "MSK IAM access control: a principal of another account needs both its own identity policy and the cluster policy",
} as const;

export const DEFAULT_QUOTAS: Quotas = {
  activePeeringsPerVpc: 50,
  outstandingPeeringRequests: 25,
  routesPerRouteTable: 500,
  inboundRulesPerSecurityGroup: 60,
};

/** Share of a quota past which the plan warns that the next request may be refused. */
export const QUOTA_WARN_RATIO = 0.9;
