import { DescribeSecurityGroupsCommand, type EC2Client, type SecurityGroup } from "@aws-sdk/client-ec2";
import type { ClientFacts } from "@/lib/domain/plan/facts";
import type { AwsAccess } from "../aws-access";
import { collectPages } from "../collect-pages";
import { discoverVpcNetwork } from "./discover-vpc-network";
import { DiscoveryFieldError, type FieldIssue } from "./discovery-field-error";
import { filter } from "./ec2-describe";
import { toSubnetFacts } from "./route-table-facts";

export type ClientVpcInput = {
  accountId: string;
  region: string;
  vpcId: string;
  securityGroupIds: string[];
  subnetIds?: string[];
};

function describeGroups(ec2: EC2Client, groupIds: readonly string[], pageSize: number): Promise<SecurityGroup[]> {
  return collectPages(
    (NextToken) =>
      ec2.send(new DescribeSecurityGroupsCommand({ Filters: [filter("group-id", groupIds)], MaxResults: pageSize, NextToken })),
    (p) => p.SecurityGroups,
    (p) => p.NextToken,
  );
}

/**
 * The client VPC's network as the client's account sees it. Ids the requester typed that do not
 * exist, or belong to another VPC, come back as field issues at the form's paths.
 */
export async function discoverClientFacts(access: AwsAccess, input: ClientVpcInput): Promise<ClientFacts> {
  const { accountId, region, vpcId } = input;
  const where = `${accountId}/${region}`;
  const ec2 = access.ec2(accountId, region);
  const [vpc, groups] = await Promise.all([
    discoverVpcNetwork(access, { accountId, region, vpcId }, "client.vpcId"),
    describeGroups(ec2, input.securityGroupIds, access.pageSize),
  ]);

  const issues: FieldIssue[] = [];
  input.securityGroupIds.forEach((groupId, index) => {
    const group = groups.find((g) => g.GroupId === groupId);
    if (!group) issues.push({ field: `client.securityGroupIds.${index}`, message: `${groupId} does not exist in ${where}` });
    else if (group.VpcId !== vpcId) {
      issues.push({ field: `client.securityGroupIds.${index}`, message: `${groupId} belongs to ${group.VpcId ?? "another VPC"}, not ${vpcId}` });
    }
  });
  const byId = new Map(vpc.subnets.map((s) => [s.SubnetId ?? "", s]));
  const wanted = input.subnetIds ?? vpc.subnets.map((s) => s.SubnetId ?? "").sort();
  wanted.forEach((subnetId, index) => {
    if (!byId.has(subnetId)) {
      issues.push({ field: `client.subnetIds.${index}`, message: `${subnetId} is not a subnet of ${vpcId} in ${where}` });
    }
  });
  if (issues.length > 0) throw new DiscoveryFieldError(issues);

  return {
    ...vpc.network,
    subnets: wanted.flatMap((id) => {
      const subnet = byId.get(id);
      return subnet ? [toSubnetFacts(subnet, vpc.routeTables, vpc.edgeZones)] : [];
    }),
    securityGroupIds: [...input.securityGroupIds],
    outstandingPeeringRequests: vpc.outstandingPeeringRequests,
  };
}
