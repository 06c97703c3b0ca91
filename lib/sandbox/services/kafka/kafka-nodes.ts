import { paginate } from "../../core/pagination";
import type { RequestContext } from "../../state/world";
import { brokerInterfaces } from "../ec2/ec2-network-interfaces";
import { authorizeCluster, findCluster } from "./kafka-access";

/**
 * ListNodes: each broker with the network interface MSK attached to it in a client subnet and its address
 * there (MSK API reference, "BrokerNodeInfo": attachedENIId, clientSubnet, clientVpcIpAddress).
 */
export function listNodes(ctx: RequestContext, arn: string, query: URLSearchParams) {
  const cluster = findCluster(ctx, arn);
  authorizeCluster(ctx, cluster, "kafka:ListNodes");
  const name = cluster.name.replace(/[^a-zA-Z0-9]/g, "").toLowerCase();
  const nodes = brokerInterfaces(ctx.world.state, cluster).map((eni) => ({
    addedToClusterTime: new Date(cluster.createdAt).toISOString(),
    instanceType: cluster.instanceType,
    nodeARN: `${cluster.arn.replace(":cluster/", ":broker/")}/${eni.brokerId}`,
    nodeType: "BROKER",
    brokerNodeInfo: {
      attachedENIId: eni.id,
      brokerId: eni.brokerId,
      clientSubnet: eni.subnetId,
      clientVpcIpAddress: eni.privateIpAddress,
      currentBrokerSoftwareInfo: { kafkaVersion: cluster.kafkaVersion },
      endpoints: [`b-${eni.brokerId}.${name}.${cluster.dnsToken}.c2.kafka.${cluster.region}.amazonaws.com`],
    },
  }));
  const max = query.get("maxResults");
  const { page, nextToken } = paginate(nodes, max ? Number(max) : undefined, query.get("nextToken") ?? undefined, "BadRequestException");
  return { nodeInfoList: page, nextToken };
}
