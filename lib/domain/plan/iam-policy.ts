import { parseClusterArn } from "../cluster-arn";
import type { AuthMode } from "../request-input";
import type { PolicyDocument, PolicyStatement, TopicAccess } from "./facts";

/** Resource ARNs of a cluster's topics and groups: arn:…:topic/<cluster-name>/<cluster-uuid>/<topic>. */
export function kafkaResourceArns(clusterArn: string) {
  const parts = parseClusterArn(clusterArn);
  if (!parts) throw new Error(`Not an MSK cluster ARN: ${clusterArn}`);
  const prefix = `arn:${parts.partition}:kafka:${parts.region}:${parts.accountId}`;
  return {
    topic: (name: string) => `${prefix}:topic/${parts.name}/${parts.uuid}/${name}`,
    group: (name: string) => `${prefix}:group/${parts.name}/${parts.uuid}/${name}`,
  };
}

/**
 * The data-plane statements a client needs: connect and describe the cluster, then read/write exactly the
 * topics named. Without topic names the statements cover the cluster's topics and groups by wildcard.
 */
export function clientDataStatements(clusterArn: string, access: TopicAccess | undefined, sidPrefix: string): PolicyStatement[] {
  const arns = kafkaResourceArns(clusterArn);
  const read = access ? access.readTopics : ["*"];
  const write = access ? access.writeTopics : ["*"];
  const groups = access ? access.consumerGroups : ["*"];
  // Producers are idempotent by default since Kafka 3.0, which needs WriteDataIdempotently on the cluster.
  const clusterActions = ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"];
  if (write.length > 0) clusterActions.push("kafka-cluster:WriteDataIdempotently");
  const statements: PolicyStatement[] = [
    { Sid: `${sidPrefix}Connect`, Effect: "Allow", Action: clusterActions, Resource: clusterArn },
  ];
  if (read.length > 0) {
    statements.push({
      Sid: `${sidPrefix}Read`,
      Effect: "Allow",
      Action: ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"],
      Resource: read.map(arns.topic),
    });
  }
  if (write.length > 0) {
    statements.push({
      Sid: `${sidPrefix}Write`,
      Effect: "Allow",
      Action: ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"],
      Resource: write.map(arns.topic),
    });
  }
  if (groups.length > 0) {
    statements.push({
      Sid: `${sidPrefix}Groups`,
      Effect: "Allow",
      Action: ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"],
      Resource: groups.map(arns.group),
    });
  }
  return statements;
}

/** The identity policy for the client's IAM role; null unless IAM auth was asked for. */
export function clientIamPolicy(
  clusterArn: string,
  authModes: readonly AuthMode[],
  access: TopicAccess | undefined,
): PolicyDocument | null {
  if (!authModes.includes("iam")) return null;
  return { Version: "2012-10-17", Statement: clientDataStatements(clusterArn, access, "MskClient") };
}
