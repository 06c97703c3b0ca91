import { DescribeClusterV2Command, GetBootstrapBrokersCommand, type Cluster, type KafkaClient } from "@aws-sdk/client-kafka";
import { parseClusterArn } from "@/lib/domain/cluster-arn";
import type { ClusterFacts } from "@/lib/domain/plan/facts";
import type { AwsAccess } from "../aws-access";
import { readClusterPolicy } from "./cluster-policy";
import { readAllowEveryoneIfNoAclFound } from "./cluster-configuration";
import { authModesOf, bootstrapOf, encryptionInTransitOf, multiVpcOf, unauthenticatedOf } from "./cluster-settings";
import { discoverVpcNetwork } from "./discover-vpc-network";
import { DiscoveryFieldError } from "./discovery-field-error";
import { describeSubnets, filter } from "./ec2-describe";
import { toSubnetFacts } from "./route-table-facts";
import { discoverSecurityGroupIngress } from "./security-group-ingress";

const FIELD = "clusterArn";

async function describeCluster(kafka: KafkaClient, arn: string, where: string): Promise<Cluster> {
  try {
    const out = await kafka.send(new DescribeClusterV2Command({ ClusterArn: arn }));
    if (out.ClusterInfo) return out.ClusterInfo;
  } catch (error) {
    if (!(error instanceof Error && error.name === "NotFoundException")) throw error;
  }
  throw new DiscoveryFieldError([{ field: FIELD, message: `No MSK cluster ${arn} exists in ${where}` }]);
}

/** Everything the planner needs about a provisioned cluster and its VPC, read as the cluster's owner. */
export async function discoverClusterFacts(access: AwsAccess, clusterArn: string): Promise<ClusterFacts> {
  const parts = parseClusterArn(clusterArn);
  if (!parts) throw new DiscoveryFieldError([{ field: FIELD, message: `${clusterArn} is not an MSK cluster ARN` }]);
  const { accountId, region } = parts;
  const where = `${accountId}/${region}`;
  const kafka = access.kafka(accountId, region);
  const ec2 = access.ec2(accountId, region);

  const [cluster, bootstrap, clusterPolicy] = await Promise.all([
    describeCluster(kafka, clusterArn, where),
    kafka.send(new GetBootstrapBrokersCommand({ ClusterArn: clusterArn })),
    readClusterPolicy(kafka, clusterArn),
  ]);
  const provisioned = cluster.Provisioned;
  if (!provisioned) {
    throw new DiscoveryFieldError([{ field: FIELD, message: `${cluster.ClusterName ?? clusterArn} is a serverless cluster; the portal connects provisioned clusters` }]);
  }
  const brokers = provisioned.BrokerNodeGroupInfo;
  const brokerSubnetIds = brokers?.ClientSubnets ?? [];
  // DescribeClusterV2 names the broker subnets but not their VPC.
  const brokerSubnets = await describeSubnets(ec2, [filter("subnet-id", brokerSubnetIds)], access.pageSize);
  const vpcId = brokerSubnets[0]?.VpcId;
  if (!vpcId) throw new Error(`The broker subnets of ${clusterArn} (${brokerSubnetIds.join(", ")}) are not visible in ${where}`);

  const groupIds = brokers?.SecurityGroups ?? [];
  const [vpc, securityGroups, allowEveryoneIfNoAclFound] = await Promise.all([
    discoverVpcNetwork(access, { accountId, region, vpcId }, FIELD),
    discoverSecurityGroupIngress(ec2, groupIds, access.pageSize),
    readAllowEveryoneIfNoAclFound(kafka, cluster),
  ]);
  const bySubnetId = new Map(vpc.subnets.map((s) => [s.SubnetId ?? "", s]));
  return {
    ...vpc.network,
    arn: clusterArn,
    name: cluster.ClusterName ?? parts.name,
    currentVersion: cluster.CurrentVersion ?? "",
    kafkaVersion: provisioned.CurrentBrokerSoftwareInfo?.KafkaVersion ?? "",
    instanceType: brokers?.InstanceType ?? "",
    // In the cluster's broker order, which is the order MSK spreads brokers over AZs.
    brokerSubnets: brokerSubnetIds.flatMap((id) => {
      const subnet = bySubnetId.get(id);
      return subnet ? [toSubnetFacts(subnet, vpc.routeTables, vpc.edgeZones)] : [];
    }),
    securityGroups,
    enabledAuthModes: authModesOf(cluster),
    unauthenticatedAccess: unauthenticatedOf(cluster),
    allowEveryoneIfNoAclFound,
    encryptionInTransit: encryptionInTransitOf(cluster),
    multiVpc: multiVpcOf(cluster),
    bootstrap: bootstrapOf(bootstrap),
    clusterPolicy,
    outstandingPeeringRequests: vpc.outstandingPeeringRequests,
  };
}
