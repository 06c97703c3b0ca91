import { DescribeClusterV2Command, type Cluster, type KafkaClient } from "@aws-sdk/client-kafka";
import type { CallLog } from "./call-log";

export const SCHEMES = ["iam", "scram", "tls"] as const;
export type Scheme = (typeof SCHEMES)[number];
export type SchemeFlags = Record<Scheme, boolean>;

export async function describeCluster(kafka: KafkaClient, log: CallLog, arn: string): Promise<Cluster> {
  const out = await log.run(kafka.send(new DescribeClusterV2Command({ ClusterArn: arn })));
  if (!out.ClusterInfo) throw new Error(`DescribeClusterV2 returned nothing for ${arn}`);
  return out.ClusterInfo;
}

/** Multi-VPC connectivity per auth scheme, as the cluster has it now. */
export function multiVpcOf(cluster: Cluster): SchemeFlags {
  const auth = cluster.Provisioned?.BrokerNodeGroupInfo?.ConnectivityInfo?.VpcConnectivity?.ClientAuthentication;
  return {
    iam: auth?.Sasl?.Iam?.Enabled === true,
    scram: auth?.Sasl?.Scram?.Enabled === true,
    tls: auth?.Tls?.Enabled === true,
  };
}

export function connectivityInfo(flags: SchemeFlags) {
  return {
    VpcConnectivity: {
      ClientAuthentication: {
        Sasl: { Iam: { Enabled: flags.iam }, Scram: { Enabled: flags.scram } },
        Tls: { Enabled: flags.tls },
      },
    },
  };
}
