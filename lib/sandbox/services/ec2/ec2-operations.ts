import { describeAvailabilityZones } from "./ec2-availability-zones";
import { describeRouteTables, describeSubnets, describeVpcAttribute, describeVpcs } from "./ec2-network";
import { getTransitGatewayAttachmentPropagations, getTransitGatewayRouteTablePropagations } from "./ec2-tgw-propagations";
import {
  acceptVpcPeeringConnection,
  createVpcPeeringConnection,
  deleteVpcPeeringConnection,
  describeVpcPeeringConnections,
  modifyVpcPeeringConnectionOptions,
  rejectVpcPeeringConnection,
} from "./ec2-peering";
import { createRoute, deleteRoute, replaceRoute } from "./ec2-routes";
import {
  authorizeSecurityGroupIngress,
  describeSecurityGroupRules,
  describeSecurityGroups,
  revokeSecurityGroupIngress,
} from "./ec2-security-groups";
import { createSecurityGroup, deleteSecurityGroup } from "./ec2-security-group-lifecycle";
import { createNetworkAclEntry, deleteNetworkAclEntry, describeNetworkAcls } from "./ec2-network-acls";
import {
  createNetworkInsightsPath,
  deleteNetworkInsightsAnalysis,
  deleteNetworkInsightsPath,
  describeNetworkInsightsAnalyses,
  describeNetworkInsightsPaths,
  startNetworkInsightsAnalysis,
} from "./ec2-network-insights";
import { createNetworkInterface, deleteNetworkInterface, describeNetworkInterfaces } from "./ec2-network-interfaces";
import type { Ec2Operation } from "./ec2-service";
import { createTags, deleteTags, describeTags } from "./ec2-tags";
import {
  acceptTransitGatewayVpcAttachment,
  createTransitGatewayVpcAttachment,
  deleteTransitGatewayVpcAttachment,
  describeTransitGatewayAttachments,
  describeTransitGateways,
  describeTransitGatewayVpcAttachments,
} from "./ec2-transit-gateways";
import {
  associateTransitGatewayRouteTable,
  createTransitGatewayRoute,
  deleteTransitGatewayRoute,
  describeTransitGatewayRouteTables,
  disableTransitGatewayRouteTablePropagation,
  disassociateTransitGatewayRouteTable,
  enableTransitGatewayRouteTablePropagation,
  searchTransitGatewayRoutes,
} from "./ec2-tgw-routing";

export const EC2_OPERATIONS: Record<string, Ec2Operation> = {
  DescribeVpcs: describeVpcs,
  DescribeVpcAttribute: describeVpcAttribute,
  DescribeSubnets: describeSubnets,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeRouteTables: describeRouteTables,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeSecurityGroupRules: describeSecurityGroupRules,
  CreateSecurityGroup: createSecurityGroup,
  DeleteSecurityGroup: deleteSecurityGroup,
  AuthorizeSecurityGroupIngress: authorizeSecurityGroupIngress,
  RevokeSecurityGroupIngress: revokeSecurityGroupIngress,
  CreateVpcPeeringConnection: createVpcPeeringConnection,
  AcceptVpcPeeringConnection: acceptVpcPeeringConnection,
  RejectVpcPeeringConnection: rejectVpcPeeringConnection,
  DeleteVpcPeeringConnection: deleteVpcPeeringConnection,
  DescribeVpcPeeringConnections: describeVpcPeeringConnections,
  ModifyVpcPeeringConnectionOptions: modifyVpcPeeringConnectionOptions,
  CreateRoute: createRoute,
  ReplaceRoute: replaceRoute,
  DeleteRoute: deleteRoute,
  CreateTags: createTags,
  DeleteTags: deleteTags,
  DescribeTags: describeTags,
  DescribeTransitGateways: describeTransitGateways,
  DescribeTransitGatewayAttachments: describeTransitGatewayAttachments,
  DescribeTransitGatewayVpcAttachments: describeTransitGatewayVpcAttachments,
  CreateTransitGatewayVpcAttachment: createTransitGatewayVpcAttachment,
  AcceptTransitGatewayVpcAttachment: acceptTransitGatewayVpcAttachment,
  DeleteTransitGatewayVpcAttachment: deleteTransitGatewayVpcAttachment,
  DescribeTransitGatewayRouteTables: describeTransitGatewayRouteTables,
  AssociateTransitGatewayRouteTable: associateTransitGatewayRouteTable,
  DisassociateTransitGatewayRouteTable: disassociateTransitGatewayRouteTable,
  EnableTransitGatewayRouteTablePropagation: enableTransitGatewayRouteTablePropagation,
  DisableTransitGatewayRouteTablePropagation: disableTransitGatewayRouteTablePropagation,
  CreateTransitGatewayRoute: createTransitGatewayRoute,
  DeleteTransitGatewayRoute: deleteTransitGatewayRoute,
  SearchTransitGatewayRoutes: searchTransitGatewayRoutes,
  GetTransitGatewayAttachmentPropagations: getTransitGatewayAttachmentPropagations,
  GetTransitGatewayRouteTablePropagations: getTransitGatewayRouteTablePropagations,
  CreateNetworkInterface: createNetworkInterface,
  DeleteNetworkInterface: deleteNetworkInterface,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  CreateNetworkAclEntry: createNetworkAclEntry,
  DeleteNetworkAclEntry: deleteNetworkAclEntry,
  DescribeNetworkAcls: describeNetworkAcls,
  CreateNetworkInsightsPath: createNetworkInsightsPath,
  DeleteNetworkInsightsPath: deleteNetworkInsightsPath,
  DescribeNetworkInsightsPaths: describeNetworkInsightsPaths,
  StartNetworkInsightsAnalysis: startNetworkInsightsAnalysis,
  DescribeNetworkInsightsAnalyses: describeNetworkInsightsAnalyses,
  DeleteNetworkInsightsAnalysis: deleteNetworkInsightsAnalysis,
};
