import type { StepKind } from "@/lib/domain/plan";
import { directConnect, ec2, kafka, ram, type ApiCall } from "./iam-actions";

/**
 * The one list of what the portal calls in each account, and why. The role kit (`npm run iam`), the
 * sandbox's default role policies, the permission preflight and the access-denied messages all read it.
 *
 * A side is the part an account plays in a plan: the cluster's account, the client's, the TGW hub's.
 */
export type Side = "cluster" | "client" | "transit";

export type StepNeeds = { sides: Side[]; execute: ApiCall[]; verify: ApiCall[]; undo: ApiCall[] };

const describePeerings = ec2("DescribeVpcPeeringConnections");
const describeAttachments = [ec2("DescribeTransitGatewayAttachments"), ec2("DescribeTransitGatewayVpcAttachments")];
const readCluster = kafka("DescribeClusterV2");
const readShares = [ram("GetResourceShares"), ram("GetResourceShareAssociations"), ram("ListResources")];

/** A VPC's network as discovery reads it, in the account that owns the VPC. */
const readVpcNetwork: ApiCall[] = [
  ec2("DescribeVpcs"),
  ec2("DescribeVpcAttribute"),
  ec2("DescribeSubnets"),
  // A subnet's zone type (Local Zone or Availability Zone): a TGW attachment takes only the latter.
  ec2("DescribeAvailabilityZones"),
  ec2("DescribeRouteTables"),
  ec2("DescribeSecurityGroups"),
  ec2("DescribeSecurityGroupRules"),
  describePeerings,
  ...describeAttachments,
  // A TGW shared to the account is read there to find the share and its invitation.
  ram("GetResourceShareInvitations"),
];

/** Read-only calls discovery and the catalog make, per side. */
export const DISCOVERY_NEEDS: Record<Side, ApiCall[]> = {
  cluster: [
    kafka("ListClustersV2"),
    readCluster,
    kafka("GetBootstrapBrokers"),
    kafka("GetClusterPolicy"),
    // The server.properties of the cluster's configuration: multi-VPC SCRAM/mTLS needs allow.everyone.if.no.acl.found=false.
    kafka("DescribeConfigurationRevision"),
    ...readVpcNetwork,
  ],
  client: readVpcNetwork,
  transit: [
    ec2("DescribeTransitGateways"),
    ec2("DescribeTransitGatewayRouteTables"),
    ...describeAttachments,
    ec2("SearchTransitGatewayRoutes"),
    // An attachment's propagations are read as the TGW's owner.
    ec2("GetTransitGatewayAttachmentPropagations"),
    ram("GetResourceShareInvitations"),
    ...readShares,
    // The DX gateway <-> TGW association's allowed prefixes, read in the DX gateway owner's account: the
    // transit account unless the platform settings name another (whose role is a transit one too).
    directConnect("DescribeDirectConnectGatewayAssociations"),
  ],
};

const both: Side[] = ["cluster", "client"];

/** Every step kind's calls in execute, verify and undo; a Record, so a new kind fails to compile here. */
export const STEP_NEEDS: Record<StepKind, StepNeeds> = {
  "create-peering": {
    sides: ["cluster"],
    execute: [describePeerings, ec2("CreateVpcPeeringConnection")],
    verify: [describePeerings],
    undo: [describePeerings, ec2("DeleteVpcPeeringConnection")],
  },
  "accept-peering": {
    sides: both,
    execute: [describePeerings, ec2("AcceptVpcPeeringConnection")],
    verify: [describePeerings],
    undo: [],
  },
  "enable-peering-dns": {
    sides: both,
    execute: [describePeerings, ec2("ModifyVpcPeeringConnectionOptions")],
    verify: [describePeerings],
    undo: [describePeerings, ec2("ModifyVpcPeeringConnectionOptions")],
  },
  "create-route": {
    sides: both,
    // ReplaceRoute: only for the step's own route left a blackhole (re-applying after its peering was deleted).
    execute: [ec2("DescribeRouteTables"), ec2("CreateRoute"), ec2("ReplaceRoute")],
    verify: [ec2("DescribeRouteTables")],
    undo: [ec2("DescribeRouteTables"), ec2("DeleteRoute")],
  },
  "authorize-sg-ingress": {
    sides: both,
    execute: [ec2("DescribeSecurityGroupRules"), ec2("AuthorizeSecurityGroupIngress")],
    verify: [ec2("DescribeSecurityGroupRules")],
    undo: [ec2("DescribeSecurityGroupRules"), ec2("RevokeSecurityGroupIngress")],
  },
  "share-tgw": {
    sides: ["transit"],
    execute: [...readShares, ram("GetResourceShareInvitations"), ram("CreateResourceShare"), ram("AssociateResourceShare")],
    verify: readShares,
    undo: [...readShares, ram("DeleteResourceShare"), ram("DisassociateResourceShare")],
  },
  "accept-share-invitation": {
    sides: both,
    execute: [ram("GetResourceShareInvitations"), ram("GetResourceShares"), ram("AcceptResourceShareInvitation")],
    verify: [ram("GetResourceShares")],
    undo: [],
  },
  "attach-vpc-to-tgw": {
    sides: both,
    execute: [...describeAttachments, ec2("DescribeSubnets"), ec2("CreateTransitGatewayVpcAttachment")],
    verify: describeAttachments,
    undo: [...describeAttachments, ec2("DeleteTransitGatewayVpcAttachment")],
  },
  "accept-tgw-attachment": {
    sides: ["transit"],
    execute: [...describeAttachments, ec2("AcceptTransitGatewayVpcAttachment")],
    verify: describeAttachments,
    undo: [],
  },
  // Both relation kinds run either way by the step's command: associating with the hub's table, or taking a
  // new attachment out of the TGW's default table (Disassociate…, undone by Associate…); likewise propagation.
  "associate-tgw-route-table": {
    sides: ["transit"],
    execute: [...describeAttachments, ec2("AssociateTransitGatewayRouteTable"), ec2("DisassociateTransitGatewayRouteTable")],
    verify: describeAttachments,
    undo: [...describeAttachments, ec2("DisassociateTransitGatewayRouteTable"), ec2("AssociateTransitGatewayRouteTable")],
  },
  "enable-tgw-propagation": {
    sides: ["transit"],
    execute: [
      ...describeAttachments,
      ec2("GetTransitGatewayRouteTablePropagations"),
      ec2("EnableTransitGatewayRouteTablePropagation"),
      ec2("DisableTransitGatewayRouteTablePropagation"),
    ],
    verify: [ec2("GetTransitGatewayRouteTablePropagations")],
    undo: [
      ...describeAttachments,
      ec2("GetTransitGatewayRouteTablePropagations"),
      ec2("DisableTransitGatewayRouteTablePropagation"),
      ec2("EnableTransitGatewayRouteTablePropagation"),
    ],
  },
  "enable-multi-vpc-connectivity": {
    sides: ["cluster"],
    // The update's operation is read to learn whether it failed, so a failed one is never issued again blindly.
    execute: [readCluster, kafka("UpdateConnectivity"), kafka("DescribeClusterOperationV2")],
    verify: [readCluster],
    // A scheme other client VPC connections still use is kept on rather than turned off under them.
    undo: [readCluster, kafka("ListClientVpcConnections"), kafka("UpdateConnectivity")],
  },
  "put-cluster-policy": {
    sides: ["cluster"],
    execute: [kafka("GetClusterPolicy"), kafka("PutClusterPolicy")],
    verify: [kafka("GetClusterPolicy")],
    undo: [kafka("GetClusterPolicy"), kafka("PutClusterPolicy"), kafka("DeleteClusterPolicy")],
  },
  "create-vpc-connection-sg": {
    sides: ["client"],
    execute: [ec2("DescribeSecurityGroups"), ec2("CreateSecurityGroup"), ec2("AuthorizeSecurityGroupIngress")],
    verify: [ec2("DescribeSecurityGroups")],
    undo: [ec2("DescribeSecurityGroups"), ec2("DeleteSecurityGroup")],
  },
  "create-vpc-connection": {
    sides: ["client"],
    execute: [kafka("ListVpcConnections"), kafka("DescribeVpcConnection"), kafka("CreateVpcConnection")],
    verify: [kafka("DescribeVpcConnection")],
    undo: [kafka("DescribeVpcConnection"), kafka("DeleteVpcConnection")],
  },
};

/** Reading the connection details when a request becomes active (bootstrap brokers). */
export const ACTIVATION_NEEDS: Record<Side, ApiCall[]> = {
  cluster: [kafka("GetBootstrapBrokers")],
  client: [],
  transit: [],
};

/**
 * Proving the path with VPC Reachability Analyzer before a request becomes Active (lib/aws/path-analysis):
 * the analysis runs in the cluster's account (a delegated administrator, for paths from other accounts) to a
 * broker's network interface (ListNodes), from a temporary network interface the portal makes in the
 * client's subnet. What the analyzer reads with the caller's rights is implied by StartNetworkInsightsAnalysis.
 */
export const PATH_ANALYSIS_NEEDS: Record<Side, ApiCall[]> = {
  cluster: [
    kafka("ListNodes"),
    ec2("CreateNetworkInsightsPath"),
    ec2("StartNetworkInsightsAnalysis"),
    ec2("DescribeNetworkInsightsAnalyses"),
    // What an earlier run that died left behind is found by the request's tag and deleted first.
    ec2("DescribeNetworkInsightsPaths"),
    ec2("DeleteNetworkInsightsAnalysis"),
    ec2("DeleteNetworkInsightsPath"),
  ],
  client: [ec2("DescribeSubnets"), ec2("DescribeNetworkInterfaces"), ec2("CreateNetworkInterface"), ec2("DeleteNetworkInterface")],
  transit: [],
};

/**
 * Watching the cluster's client VPC connections (request and cluster pages) and an approver rejecting one
 * the portal did not expect, in the cluster owner's account.
 */
export const CONNECTION_WATCH_NEEDS: Record<Side, ApiCall[]> = {
  cluster: [kafka("ListClientVpcConnections"), kafka("RejectClientVpcConnection")],
  client: [],
  transit: [],
};
