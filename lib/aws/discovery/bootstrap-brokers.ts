import { GetBootstrapBrokersCommand } from "@aws-sdk/client-kafka";

import type { BootstrapBrokers } from "@/lib/domain/plan/facts";

import type { AwsAccess } from "../aws-access";
import { bootstrapOf } from "./cluster-settings";

/** The cluster's bootstrap strings as MSK gives them now (multi-VPC ones exist only once connectivity is on). */
export async function readBootstrapBrokers(
  access: AwsAccess,
  cluster: { accountId: string; region: string; arn: string },
): Promise<BootstrapBrokers> {
  const out = await access.kafka(cluster.accountId, cluster.region).send(new GetBootstrapBrokersCommand({ ClusterArn: cluster.arn }));
  return bootstrapOf(out);
}
