import { describe, expect, it } from "vitest";
import { parseClusterArn } from "./cluster-arn";

describe("parseClusterArn", () => {
  it.each([
    [
      "arn:aws:kafka:us-east-1:111111111111:cluster/orders/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5",
      { partition: "aws", region: "us-east-1", accountId: "111111111111", name: "orders", uuid: "6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5" },
    ],
    [
      "arn:aws-cn:kafka:cn-north-1:111111111111:cluster/a-b/6357e0b2-0e6a-4b86-a0b4-70df934c2e31",
      { partition: "aws-cn", region: "cn-north-1", accountId: "111111111111", name: "a-b", uuid: "6357e0b2-0e6a-4b86-a0b4-70df934c2e31" },
    ],
  ])("parses %s", (arn, parts) => expect(parseClusterArn(arn)).toEqual(parts));

  it.each([
    "arn:aws:kafka:us-east-1:111111111111:topic/orders/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5/t",
    "arn:aws:kafka:us-east-1:1111:cluster/orders/6357e0b2-0e6a-4b86-a0b4-70df934c2e31",
    "arn:aws:kafka:mars-1:111111111111:cluster/orders/6357e0b2-0e6a-4b86-a0b4-70df934c2e31",
    "arn:aws:kafka:us-east-1:111111111111:cluster/orders/not-a-uuid",
    "",
  ])("refuses %s", (arn) => expect(parseClusterArn(arn)).toBeNull());
});
