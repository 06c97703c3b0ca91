import { describe, expect, it } from "vitest";
import type { AuthMode } from "../request-input";
import { clientIamPolicy, kafkaResourceArns } from "./iam-policy";
import { CLUSTER_ARN } from "./test-fixtures";

const TOPIC = "arn:aws:kafka:us-east-1:111111111111:topic/orders/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5";
const GROUP = "arn:aws:kafka:us-east-1:111111111111:group/orders/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5";

describe("clientIamPolicy (MSK IAM access control resources)", () => {
  it.each<[AuthMode[], boolean]>([
    [["iam"], true],
    [["iam", "tls"], true],
    [["tls"], false],
    [["scram", "plaintext"], false],
  ])("%j -> policy %s", (modes, expected) => {
    expect(clientIamPolicy(CLUSTER_ARN, modes, undefined) !== null).toBe(expected);
  });

  it("names exactly the topics and groups given", () => {
    const policy = clientIamPolicy(CLUSTER_ARN, ["iam"], { readTopics: ["orders"], writeTopics: [], consumerGroups: ["billing"] });
    expect(policy?.Statement).toEqual([
      { Sid: "MskClientConnect", Effect: "Allow", Action: ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster"], Resource: CLUSTER_ARN },
      { Sid: "MskClientRead", Effect: "Allow", Action: ["kafka-cluster:DescribeTopic", "kafka-cluster:ReadData"], Resource: [`${TOPIC}/orders`] },
      { Sid: "MskClientGroups", Effect: "Allow", Action: ["kafka-cluster:AlterGroup", "kafka-cluster:DescribeGroup"], Resource: [`${GROUP}/billing`] },
    ]);
  });

  it("a producer also gets WriteDataIdempotently on the cluster (idempotent by default since Kafka 3.0)", () => {
    const policy = clientIamPolicy(CLUSTER_ARN, ["iam"], { readTopics: [], writeTopics: ["events"], consumerGroups: [] });
    expect(policy?.Statement[0]?.Action).toContain("kafka-cluster:WriteDataIdempotently");
    expect(policy?.Statement[1]).toMatchObject({ Action: ["kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"], Resource: [`${TOPIC}/events`] });
  });

  it("without topic names covers the cluster's topics and groups by wildcard, and nothing outside it", () => {
    const json = JSON.stringify(clientIamPolicy(CLUSTER_ARN, ["iam"], undefined));
    expect(json).toContain(`${TOPIC}/*`);
    expect(json).toContain(`${GROUP}/*`);
    expect(json).not.toContain('"Resource":"*"');
  });

  it("refuses something that is not a cluster ARN", () => {
    expect(() => kafkaResourceArns("arn:aws:s3:::bucket")).toThrow();
  });
});
