import { ListNodesCommand, type NodeInfo } from "@aws-sdk/client-kafka";

import type { AwsAccess } from "../aws-access";

export type BrokerInterface = { networkInterfaceId: string; address: string; subnetId: string; brokerId: number | null };

/**
 * The network interfaces MSK attached to the cluster's brokers in its client subnets (ListNodes,
 * BrokerNodeInfo.AttachedENIId and ClientVpcIpAddress): where a client's packets end.
 */
export async function brokerInterfaces(access: AwsAccess, cluster: { accountId: string; region: string; arn: string }): Promise<BrokerInterface[]> {
  const kafka = access.kafka(cluster.accountId, cluster.region);
  const nodes: NodeInfo[] = [];
  let nextToken: string | undefined;
  do {
    const page = await kafka.send(new ListNodesCommand({ ClusterArn: cluster.arn, NextToken: nextToken }));
    nodes.push(...(page.NodeInfoList ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return nodes.flatMap((n) => {
    const b = n.BrokerNodeInfo;
    if (!b?.AttachedENIId || !b.ClientVpcIpAddress) return [];
    return [{ networkInterfaceId: b.AttachedENIId, address: b.ClientVpcIpAddress, subnetId: b.ClientSubnet ?? "", brokerId: b.BrokerId ?? null }];
  });
}
