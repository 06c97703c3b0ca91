import { GetBootstrapBrokersCommand, ListClustersV2Command, type Cluster } from "@aws-sdk/client-kafka";
import type { BootstrapBrokers } from "@/lib/domain/plan/facts";
import type { AuthMode } from "@/lib/domain/request-input";
import type { AwsAccess } from "../aws-access";
import { describeAwsError, type AwsErrorInfo } from "../aws-errors";
import { collectPages } from "../collect-pages";
import { authModesOf, bootstrapOf } from "./cluster-settings";
import { describeSubnets, filter } from "./ec2-describe";

export type ClusterCatalogEntry = {
  arn: string;
  name: string;
  accountId: string;
  region: string;
  vpcId: string;
  kafkaVersion: string;
  authModes: AuthMode[];
  /** MSK's cluster state: ACTIVE, CREATING, UPDATING, ... */
  state: string;
  instanceType: string;
  bootstrap: BootstrapBrokers;
};

export type ClusterListing = {
  clusters: ClusterCatalogEntry[];
  /** Account/region pairs that could not be read; the rest of the catalog is still good. */
  failures: Array<{ accountId: string; region: string; error: AwsErrorInfo }>;
};

// MSK's ListClustersV2 accepts at most 100 per page.
const MSK_MAX_PAGE = 100;

async function clustersIn(access: AwsAccess, accountId: string, region: string): Promise<ClusterCatalogEntry[]> {
  const kafka = access.kafka(accountId, region);
  // ListClustersV2 returns the same ClusterInfo as DescribeClusterV2, so no per-cluster describe is needed.
  const clusters = await collectPages(
    (NextToken) =>
      kafka.send(
        new ListClustersV2Command({ ClusterTypeFilter: "PROVISIONED", MaxResults: Math.min(access.pageSize, MSK_MAX_PAGE), NextToken }),
      ),
    (p): Cluster[] | undefined => p.ClusterInfoList,
    (p) => p.NextToken,
  );
  const provisioned = clusters.filter((c) => c.ClusterArn && c.Provisioned);
  if (provisioned.length === 0) return [];

  // One DescribeSubnets for every cluster's first broker subnet: that subnet's VPC is the cluster's.
  const firstSubnets = [...new Set(provisioned.map((c) => c.Provisioned?.BrokerNodeGroupInfo?.ClientSubnets?.[0] ?? ""))];
  const [subnets, bootstraps] = await Promise.all([
    describeSubnets(access.ec2(accountId, region), [filter("subnet-id", firstSubnets.filter(Boolean))], access.pageSize),
    // A cluster still CREATING has no brokers to list; it stays in the catalog without bootstrap strings.
    Promise.all(
      provisioned.map((c) =>
        kafka.send(new GetBootstrapBrokersCommand({ ClusterArn: c.ClusterArn })).then(bootstrapOf, (error: unknown) => {
          if (describeAwsError(error).kind === "invalid") return {};
          throw error;
        }),
      ),
    ),
  ]);
  const vpcOfSubnet = new Map(subnets.map((s) => [s.SubnetId ?? "", s.VpcId ?? ""]));
  return provisioned.map((c, i) => {
    const brokers = c.Provisioned?.BrokerNodeGroupInfo;

    return {
      arn: c.ClusterArn ?? "",
      name: c.ClusterName ?? "",
      accountId,
      region,
      vpcId: vpcOfSubnet.get(brokers?.ClientSubnets?.[0] ?? "") ?? "",
      kafkaVersion: c.Provisioned?.CurrentBrokerSoftwareInfo?.KafkaVersion ?? "",
      authModes: authModesOf(c),
      state: c.State ?? "UNKNOWN",
      instanceType: brokers?.InstanceType ?? "",
      bootstrap: bootstraps[i] ?? {},
    };
  });
}

/** The cluster catalog: every provisioned cluster of every cluster-owner account and region. */
export async function listClusters(
  access: AwsAccess,
  accounts: ReadonlyArray<{ accountId: string; regions: readonly string[] }>,
): Promise<ClusterListing> {
  const targets = accounts.flatMap((a) => a.regions.map((region) => ({ accountId: a.accountId, region })));
  const results = await Promise.allSettled(targets.map((t) => clustersIn(access, t.accountId, t.region)));
  const listing: ClusterListing = { clusters: [], failures: [] };
  results.forEach((result, i) => {
    const target = targets[i];
    if (!target) return;
    if (result.status === "fulfilled") listing.clusters.push(...result.value);
    else listing.failures.push({ ...target, error: describeAwsError(result.reason) });
  });
  listing.clusters.sort((a, b) => a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region) || a.name.localeCompare(b.name));
  return listing;
}
