import type { RequestContextKeys } from "./evaluate-policy";

/** One authorisation a call needs beyond its own action. */
export type Authorization = { action: string; context: RequestContextKeys };

export const TGW_SERVICE_LINKED_ROLE = "AWSServiceRoleForVPCTransitGateway";

/**
 * What AWS authorises a call for, besides `<service>:<Operation>`:
 * - EC2 tag on create: TagSpecifications also need ec2:CreateTags with ec2:CreateAction = the call
 *   (EC2 user guide, "Grant permission to tag resources during creation");
 * - the first TGW VPC attachment of an account creates AWSServiceRoleForVPCTransitGateway, which needs
 *   iam:CreateServiceLinkedRole (Transit Gateway guide, "Service-linked roles");
 * - RAM tags on a new share need ram:TagResource;
 * - MSK makes a VPC connection's interface endpoints with the caller's rights (MSK developer guide,
 *   "Cross-account user actions": kafka:CreateVpcConnection, ec2:CreateTags, ec2:CreateVPCEndpoint,
 *   ec2:DescribeVpcAttribute), and, in the safer reading, deletes them with the caller's rights too.
 */
export function impliedAuthorizations(args: {
  service: string;
  operation: string;
  hasTags: boolean;
  needsServiceLinkedRole: boolean;
}): Authorization[] {
  const { service, operation, hasTags } = args;
  const out: Authorization[] = [];
  if (service === "ec2" && hasTags) out.push({ action: "ec2:CreateTags", context: { "ec2:CreateAction": operation } });
  if (service === "ec2" && operation === "CreateTransitGatewayVpcAttachment" && args.needsServiceLinkedRole) {
    out.push({ action: "iam:CreateServiceLinkedRole", context: { "iam:AWSServiceName": "transitgateway.amazonaws.com" } });
  }
  if (service === "ram" && operation === "CreateResourceShare" && hasTags) out.push({ action: "ram:TagResource", context: {} });
  if (service === "kafka" && operation === "CreateVpcConnection") {
    out.push(
      { action: "ec2:CreateVpcEndpoint", context: {} },
      { action: "ec2:DescribeVpcAttribute", context: {} },
      { action: "ec2:CreateTags", context: { "ec2:CreateAction": "CreateVpcEndpoint" } },
    );
  }
  if (service === "kafka" && operation === "DeleteVpcConnection") {
    out.push({ action: "ec2:DescribeVpcEndpoints", context: {} }, { action: "ec2:DeleteVpcEndpoints", context: {} });
  }
  // Reachability Analyzer reads the network and answers through its query service with the caller's rights
  // (Reachability Analyzer guide, "Required API permissions"; AmazonVPCReachabilityAnalyzerFullAccessPolicy).
  if (service === "ec2" && operation === "StartNetworkInsightsAnalysis") {
    for (const action of PATH_ANALYSIS_READS) out.push({ action, context: {} });
  }
  return out;
}

/** What an analysis reads as the caller: the reads of AmazonVPCReachabilityAnalyzerFullAccessPolicy (EC2, ELB, Network Firewall). */
export const PATH_ANALYSIS_READS = [
  "tiros:CreateQuery",
  "tiros:ExtendQuery",
  "tiros:GetQueryAnswer",
  "tiros:GetQueryExplanation",
  "tiros:GetQueryExtensionAccounts",
  "ec2:DescribeAddresses",
  "ec2:DescribeAvailabilityZones",
  "ec2:DescribeCustomerGateways",
  "ec2:DescribeInstances",
  "ec2:DescribeInternetGateways",
  "ec2:DescribeManagedPrefixLists",
  "ec2:DescribeNatGateways",
  "ec2:DescribeNetworkAcls",
  "ec2:DescribeNetworkInterfaces",
  "ec2:DescribePrefixLists",
  "ec2:DescribeRegions",
  "ec2:DescribeRouteTables",
  "ec2:DescribeSecurityGroups",
  "ec2:DescribeSubnets",
  "ec2:DescribeTransitGatewayAttachments",
  "ec2:DescribeTransitGatewayConnects",
  "ec2:DescribeTransitGatewayPeeringAttachments",
  "ec2:DescribeTransitGatewayRouteTables",
  "ec2:DescribeTransitGateways",
  "ec2:DescribeTransitGatewayVpcAttachments",
  "ec2:DescribeVpcEndpoints",
  "ec2:DescribeVpcEndpointServiceConfigurations",
  "ec2:DescribeVpcPeeringConnections",
  "ec2:DescribeVpcs",
  "ec2:DescribeVpnConnections",
  "ec2:DescribeVpnGateways",
  "ec2:GetManagedPrefixListEntries",
  "ec2:GetTransitGatewayRouteTablePropagations",
  "ec2:SearchTransitGatewayRoutes",
  "elasticloadbalancing:DescribeListeners",
  "elasticloadbalancing:DescribeLoadBalancerAttributes",
  "elasticloadbalancing:DescribeLoadBalancers",
  "elasticloadbalancing:DescribeRules",
  "elasticloadbalancing:DescribeTags",
  "elasticloadbalancing:DescribeTargetGroupAttributes",
  "elasticloadbalancing:DescribeTargetGroups",
  "elasticloadbalancing:DescribeTargetHealth",
  "network-firewall:DescribeFirewall",
  "network-firewall:DescribeFirewallPolicy",
  "network-firewall:DescribeResourcePolicy",
  "network-firewall:DescribeRuleGroup",
  "network-firewall:ListFirewallPolicies",
  "network-firewall:ListFirewalls",
  "network-firewall:ListRuleGroups",
];
