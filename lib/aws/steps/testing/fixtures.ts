/** Ids of the sandbox's default topology (lib/sandbox/README.md) the step tests use. */
export const ACCOUNTS = { msk: "111111111111", apps: "222222222222", transit: "333333333333", saas: "444444444444" } as const;

export const MSK_VPC = { id: "vpc-0aaa0000000000001", cidr: "10.0.0.0/16", routeTables: ["rtb-0aaa0000000000001", "rtb-0aaa0000000000002", "rtb-0aaa0000000000003"] };
export const MSK_SUBNETS = ["subnet-0aaa0000000000001", "subnet-0aaa0000000000002", "subnet-0aaa0000000000003"];
export const BROKER_SG = "sg-0aaa0000000000001";
export const SAME_VPC_CLIENT_SG = "sg-0aaa0000000000002";
export const PLATFORM_APPS = { id: "vpc-0aaa0000000000002", cidr: "10.1.0.0/16", routeTable: "rtb-0aaa0000000000011", sg: "sg-0aaa0000000000011" };
export const PAYMENTS = {
  id: "vpc-0bbb0000000000001",
  cidr: "10.20.0.0/16",
  subnets: ["subnet-0bbb0000000000001", "subnet-0bbb0000000000002"],
  sg: "sg-0bbb0000000000001",
};
export const TGW = {
  id: "tgw-0ccc0000000000001",
  arn: "arn:aws:ec2:us-east-1:333333333333:transit-gateway/tgw-0ccc0000000000001",
  onPremTable: "tgw-rtb-0ccc0000000000001",
  vpcsTable: "tgw-rtb-0ccc0000000000002",
  /** Where AWS associates and propagates every new attachment (both default options on). */
  defaultTable: "tgw-rtb-0ccc0000000000003",
};
export const ORDERS_ARN = "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/7d0c7a4e-1b2c-4d3e-9f40-000000000001-1";
