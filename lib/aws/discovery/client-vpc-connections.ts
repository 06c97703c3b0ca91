import { ListClientVpcConnectionsCommand, type ClientVpcConnection as SdkClientVpcConnection } from "@aws-sdk/client-kafka";
import type { ClientVpcConnection } from "@/lib/domain/client-vpc-connections";
import type { AwsAccess } from "../aws-access";
import { collectPages } from "../collect-pages";

export type ClusterRef = { arn: string; accountId: string; region: string };

// ListClientVpcConnections accepts at most 100 per page.
const MSK_MAX_PAGE = 100;

/**
 * Every client VPC connection to the cluster, read as its owner: only the owner may list them, and MSK tells it
 * the creating account, the scheme and the state, not the client's VPC.
 */
export async function listClientVpcConnections(
  access: AwsAccess,
  cluster: ClusterRef,
  // A step passes its call log, so that the request ids of these reads are kept with the step.
  run: <T>(call: Promise<T>) => Promise<T> = (call) => call,
): Promise<ClientVpcConnection[]> {
  const kafka = access.kafka(cluster.accountId, cluster.region);
  const found = await collectPages(
    (NextToken) =>
      run(
        kafka.send(
          new ListClientVpcConnectionsCommand({
            ClusterArn: cluster.arn,
            MaxResults: Math.min(access.pageSize, MSK_MAX_PAGE),
            NextToken,
          }),
        ),
      ),
    (p): SdkClientVpcConnection[] | undefined => p.ClientVpcConnections,
    (p) => p.NextToken,
  );
  return found.flatMap((c) =>
    c.VpcConnectionArn
      ? [
          {
            arn: c.VpcConnectionArn,
            ownerAccount: c.Owner ?? "",
            authentication: c.Authentication ?? "",
            state: c.State ?? "",
            createdAt: c.CreationTime ? c.CreationTime.toISOString() : null,
          },
        ]
      : [],
  );
}
