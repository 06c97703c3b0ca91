import { RejectClientVpcConnectionCommand } from "@aws-sdk/client-kafka";
import type { AwsAccess } from "../aws-access";
import { awsRequestIdOf } from "../aws-errors";
import type { ClusterRef } from "../discovery/client-vpc-connections";

/** Rejects one client VPC connection as the cluster's owner; the answer is empty apart from its request id. */
export async function rejectClientVpcConnection(
  access: AwsAccess,
  cluster: ClusterRef,
  connectionArn: string,
): Promise<{ awsRequestId: string | null }> {
  const out = await access
    .kafka(cluster.accountId, cluster.region)
    .send(new RejectClientVpcConnectionCommand({ ClusterArn: cluster.arn, VpcConnectionArn: connectionArn }));
  return { awsRequestId: awsRequestIdOf(out) ?? null };
}
