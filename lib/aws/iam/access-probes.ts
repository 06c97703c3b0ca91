import { DescribeDirectConnectGatewayAssociationsCommand } from "@aws-sdk/client-direct-connect";
import {
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeTransitGatewayAttachmentsCommand,
  DescribeTransitGatewayRouteTablesCommand,
  DescribeTransitGatewaysCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  GetTransitGatewayAttachmentPropagationsCommand,
  GetTransitGatewayRouteTablePropagationsCommand,
  SearchTransitGatewayRoutesCommand,
} from "@aws-sdk/client-ec2";
import {
  DescribeClusterV2Command,
  GetBootstrapBrokersCommand,
  GetClusterPolicyCommand,
  ListClustersV2Command,
  ListVpcConnectionsCommand,
} from "@aws-sdk/client-kafka";
import {
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  ListResourcesCommand,
} from "@aws-sdk/client-ram";
import type { AwsAccess } from "../aws-access";

/** A harmless call that shows whether the role holds one action: a read, or a change with DryRun. */
export type Probe = (access: AwsAccess, accountId: string, region: string) => Promise<unknown>;

const PCX = "pcx-00000000000000000";
const RTB = "rtb-00000000000000000";
const SG = "sg-00000000000000000";
const VPC = "vpc-00000000000000000";
const TGW = "tgw-00000000000000000";
const ATTACH = "tgw-attach-00000000000000000";
const TGW_RTB = "tgw-rtb-00000000000000000";
const CIDR = "198.18.0.0/24";
const clusterArn = (accountId: string, region: string) =>
  `arn:aws:kafka:${region}:${accountId}:cluster/access-test/00000000-0000-0000-0000-000000000000-1`;

const ec2 = (access: AwsAccess, a: string, r: string) => access.ec2(a, r);

// Inputs carry made-up ids: AWS decides the permission before it looks for the resource, so any answer
// but a denial means the role holds the action.
export const PROBES: Record<string, Probe> = {
  "ec2:DescribeVpcs": (x, a, r) => ec2(x, a, r).send(new DescribeVpcsCommand({ MaxResults: 5 })),
  "ec2:DescribeVpcAttribute": (x, a, r) =>
    ec2(x, a, r).send(new DescribeVpcAttributeCommand({ VpcId: VPC, Attribute: "enableDnsSupport", DryRun: true })),
  "ec2:DescribeSubnets": (x, a, r) => ec2(x, a, r).send(new DescribeSubnetsCommand({ MaxResults: 5 })),
  "ec2:DescribeRouteTables": (x, a, r) => ec2(x, a, r).send(new DescribeRouteTablesCommand({ MaxResults: 5 })),
  "ec2:DescribeSecurityGroups": (x, a, r) => ec2(x, a, r).send(new DescribeSecurityGroupsCommand({ MaxResults: 5 })),
  "ec2:DescribeSecurityGroupRules": (x, a, r) => ec2(x, a, r).send(new DescribeSecurityGroupRulesCommand({ MaxResults: 5 })),
  "ec2:DescribeVpcPeeringConnections": (x, a, r) =>
    ec2(x, a, r).send(new DescribeVpcPeeringConnectionsCommand({ MaxResults: 5 })),
  "ec2:DescribeTransitGateways": (x, a, r) => ec2(x, a, r).send(new DescribeTransitGatewaysCommand({ MaxResults: 5 })),
  "ec2:DescribeTransitGatewayAttachments": (x, a, r) =>
    ec2(x, a, r).send(new DescribeTransitGatewayAttachmentsCommand({ MaxResults: 5 })),
  "ec2:DescribeTransitGatewayVpcAttachments": (x, a, r) =>
    ec2(x, a, r).send(new DescribeTransitGatewayVpcAttachmentsCommand({ MaxResults: 5 })),
  "ec2:DescribeTransitGatewayRouteTables": (x, a, r) =>
    ec2(x, a, r).send(new DescribeTransitGatewayRouteTablesCommand({ MaxResults: 5 })),
  "ec2:GetTransitGatewayAttachmentPropagations": (x, a, r) =>
    ec2(x, a, r).send(new GetTransitGatewayAttachmentPropagationsCommand({ TransitGatewayAttachmentId: ATTACH, DryRun: true })),
  "ec2:GetTransitGatewayRouteTablePropagations": (x, a, r) =>
    ec2(x, a, r).send(new GetTransitGatewayRouteTablePropagationsCommand({ TransitGatewayRouteTableId: TGW_RTB, DryRun: true })),
  "ec2:SearchTransitGatewayRoutes": (x, a, r) =>
    ec2(x, a, r).send(
      new SearchTransitGatewayRoutesCommand({
        TransitGatewayRouteTableId: TGW_RTB,
        Filters: [{ Name: "type", Values: ["static"] }],
        DryRun: true,
      }),
    ),
  "kafka:ListClustersV2": (x, a, r) => x.kafka(a, r).send(new ListClustersV2Command({ MaxResults: 1 })),
  "kafka:DescribeClusterV2": (x, a, r) => x.kafka(a, r).send(new DescribeClusterV2Command({ ClusterArn: clusterArn(a, r) })),
  "kafka:GetBootstrapBrokers": (x, a, r) => x.kafka(a, r).send(new GetBootstrapBrokersCommand({ ClusterArn: clusterArn(a, r) })),
  "kafka:GetClusterPolicy": (x, a, r) => x.kafka(a, r).send(new GetClusterPolicyCommand({ ClusterArn: clusterArn(a, r) })),
  "kafka:ListVpcConnections": (x, a, r) => x.kafka(a, r).send(new ListVpcConnectionsCommand({ MaxResults: 1 })),
  "ram:GetResourceShares": (x, a, r) => x.ram(a, r).send(new GetResourceSharesCommand({ resourceOwner: "SELF", maxResults: 1 })),
  "ram:GetResourceShareAssociations": (x, a, r) =>
    x.ram(a, r).send(new GetResourceShareAssociationsCommand({ associationType: "PRINCIPAL", maxResults: 1 })),
  "ram:GetResourceShareInvitations": (x, a, r) => x.ram(a, r).send(new GetResourceShareInvitationsCommand({ maxResults: 1 })),
  "directconnect:DescribeDirectConnectGatewayAssociations": (x, a, r) =>
    x.directConnect(a, r).send(new DescribeDirectConnectGatewayAssociationsCommand({ associatedGatewayId: TGW, maxResults: 1 })),
  "ram:ListResources": (x, a, r) => x.ram(a, r).send(new ListResourcesCommand({ resourceOwner: "SELF", maxResults: 1 })),
};

/** Made-up inputs for the EC2 changes, sent with DryRun (see dry-run-commands). */
export const DRY_RUN_INPUTS: Record<string, Record<string, unknown>> = {
  CreateVpcPeeringConnection: { VpcId: VPC, PeerVpcId: VPC },
  AcceptVpcPeeringConnection: { VpcPeeringConnectionId: PCX },
  ModifyVpcPeeringConnectionOptions: {
    VpcPeeringConnectionId: PCX,
    RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true },
  },
  CreateRoute: { RouteTableId: RTB, DestinationCidrBlock: CIDR, VpcPeeringConnectionId: PCX },
  DeleteRoute: { RouteTableId: RTB, DestinationCidrBlock: CIDR },
  ReplaceRoute: { RouteTableId: RTB, DestinationCidrBlock: CIDR, VpcPeeringConnectionId: PCX },
  AuthorizeSecurityGroupIngress: {
    GroupId: SG,
    IpPermissions: [{ IpProtocol: "tcp", FromPort: 9098, ToPort: 9098, IpRanges: [{ CidrIp: CIDR }] }],
  },
  RevokeSecurityGroupIngress: { GroupId: SG, SecurityGroupRuleIds: ["sgr-00000000000000000"] },
  CreateTransitGatewayVpcAttachment: { TransitGatewayId: TGW, VpcId: VPC, SubnetIds: ["subnet-00000000000000000"] },
  AcceptTransitGatewayVpcAttachment: { TransitGatewayAttachmentId: ATTACH },
  AssociateTransitGatewayRouteTable: { TransitGatewayRouteTableId: TGW_RTB, TransitGatewayAttachmentId: ATTACH },
  DisassociateTransitGatewayRouteTable: { TransitGatewayRouteTableId: TGW_RTB, TransitGatewayAttachmentId: ATTACH },
  EnableTransitGatewayRouteTablePropagation: { TransitGatewayRouteTableId: TGW_RTB, TransitGatewayAttachmentId: ATTACH },
  DisableTransitGatewayRouteTablePropagation: { TransitGatewayRouteTableId: TGW_RTB, TransitGatewayAttachmentId: ATTACH },
  CreateTransitGatewayRoute: {
    TransitGatewayRouteTableId: TGW_RTB,
    DestinationCidrBlock: CIDR,
    TransitGatewayAttachmentId: ATTACH,
  },
  DeleteTransitGatewayRoute: { TransitGatewayRouteTableId: TGW_RTB, DestinationCidrBlock: CIDR },
};
