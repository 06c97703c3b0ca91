/**
 * What one AWS API call is authorised against. The primary action is `<service>:<Operation>`; some calls
 * are also authorised for further actions, which are the ones easy to miss when a role is written by hand.
 */
export type IamService = "ec2" | "ram" | "kafka" | "directconnect";

/** A further action a call needs, and the request context IAM evaluates it with. */
export type ImpliedAction = { action: string; when: string; context?: Record<string, string> };

export type ApiCall = { service: IamService; operation: string };

const call = (service: IamService, operation: string): ApiCall => ({ service, operation });
export const ec2 = (operation: string) => call("ec2", operation);
export const ram = (operation: string) => call("ram", operation);
export const kafka = (operation: string) => call("kafka", operation);
export const directConnect = (operation: string) => call("directconnect", operation);

export const actionOf = (c: ApiCall): string => `${c.service}:${c.operation}`;

/** The service-linked role AWS creates on the first TGW VPC attachment in an account. */
export const TGW_SERVICE_NAME = "transitgateway.amazonaws.com";

// EC2 "tag on create": a create call with TagSpecifications is also authorised for ec2:CreateTags with
// ec2:CreateAction set to the create call (EC2 user guide, "Grant permission to tag resources during creation").
const tagOnCreate = (operation: string): ImpliedAction => ({
  action: "ec2:CreateTags",
  when: "the call carries TagSpecifications",
  context: { "ec2:CreateAction": operation },
});

/** Keyed by `<service>:<Operation>`. */
export const IMPLIED_ACTIONS: Record<string, ImpliedAction[]> = {
  "ec2:CreateVpcPeeringConnection": [tagOnCreate("CreateVpcPeeringConnection")],
  "ec2:AuthorizeSecurityGroupIngress": [tagOnCreate("AuthorizeSecurityGroupIngress")],
  "ec2:CreateSecurityGroup": [tagOnCreate("CreateSecurityGroup")],
  "ec2:CreateTransitGatewayVpcAttachment": [
    tagOnCreate("CreateTransitGatewayVpcAttachment"),
    // Transit Gateway guide, "Service-linked roles": created for the account on its first VPC attachment.
    {
      action: "iam:CreateServiceLinkedRole",
      when: "the account has no AWSServiceRoleForVPCTransitGateway yet",
      context: { "iam:AWSServiceName": TGW_SERVICE_NAME },
    },
  ],
  "ec2:CreateNetworkInterface": [tagOnCreate("CreateNetworkInterface")],
  "ec2:CreateNetworkInsightsPath": [tagOnCreate("CreateNetworkInsightsPath")],
  // Reachability Analyzer reads the network and answers through its query service with the caller's rights
  // (Reachability Analyzer guide, "Required API permissions"; AmazonVPCReachabilityAnalyzerFullAccessPolicy).
  "ec2:StartNetworkInsightsAnalysis": [
    tagOnCreate("StartNetworkInsightsAnalysis"),
    // The EC2, Elastic Load Balancing and Network Firewall reads of AmazonVPCReachabilityAnalyzerFullAccessPolicy
    // (its Direct Connect and Global Accelerator ones the guide says may be left out).
    ...[
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
    ].map((action) => ({ action, when: "always: the analyzer reads the path's resources as the caller" })),
  ],
  // RAM authorises the tags of a new share as ram:TagResource (RAM user guide, "Tagging resource shares").
  "ram:CreateResourceShare": [{ action: "ram:TagResource", when: "the call carries tags" }],
  // MSK builds the interface endpoints with the caller's rights in the client account (MSK developer guide,
  // "Cross-account user actions to configure client-managed VPC connections").
  "kafka:CreateVpcConnection": [
    { action: "ec2:CreateVpcEndpoint", when: "always" },
    { action: "ec2:DescribeVpcAttribute", when: "always" },
    { action: "ec2:CreateTags", when: "always", context: { "ec2:CreateAction": "CreateVpcEndpoint" } },
  ],
  // Not documented; the safer reading is that deleting the connection removes those endpoints as the caller.
  "kafka:DeleteVpcConnection": [
    { action: "ec2:DescribeVpcEndpoints", when: "always" },
    { action: "ec2:DeleteVpcEndpoints", when: "always" },
  ],
};

/** Every action a call may be authorised for, the primary one first. */
export function actionsOf(c: ApiCall): string[] {
  const primary = actionOf(c);
  return [primary, ...(IMPLIED_ACTIONS[primary] ?? []).map((i) => i.action)];
}
