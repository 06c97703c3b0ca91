import {
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  type RouteTable,
  type Subnet,
  type Vpc,
} from "@aws-sdk/client-ec2";
import { collectPages } from "../collect-pages";

export type Filter = { Name: string; Values: string[] };

export function filter(name: string, values: readonly string[]): Filter {
  return { Name: name, Values: [...values] };
}

// Filters rather than id lists: an unknown id then yields no item instead of failing the whole
// call, so discovery can say exactly which id is wrong.
export function describeVpcs(ec2: EC2Client, filters: Filter[], pageSize: number): Promise<Vpc[]> {
  return collectPages(
    (NextToken) => ec2.send(new DescribeVpcsCommand({ Filters: filters, MaxResults: pageSize, NextToken })),
    (p) => p.Vpcs,
    (p) => p.NextToken,
  );
}

export function describeSubnets(ec2: EC2Client, filters: Filter[], pageSize: number): Promise<Subnet[]> {
  return collectPages(
    (NextToken) => ec2.send(new DescribeSubnetsCommand({ Filters: filters, MaxResults: pageSize, NextToken })),
    (p) => p.Subnets,
    (p) => p.NextToken,
  );
}

export function describeRouteTables(ec2: EC2Client, filters: Filter[], pageSize: number): Promise<RouteTable[]> {
  return collectPages(
    // DescribeRouteTables accepts at most 100 per page.
    (NextToken) => ec2.send(new DescribeRouteTablesCommand({ Filters: filters, MaxResults: Math.min(pageSize, 100), NextToken })),
    (p) => p.RouteTables,
    (p) => p.NextToken,
  );
}
