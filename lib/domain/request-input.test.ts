import { describe, expect, it } from "vitest";
import { fieldErrors, requestInputSchema, type RequestInput } from "./request-input";

const ARN = "arn:aws:kafka:us-east-1:111111111111:cluster/orders/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5";

const valid: RequestInput = {
  clusterArn: ARN,
  client: {
    type: "aws-vpc",
    accountId: "222222222222",
    region: "us-east-1",
    vpcId: "vpc-0abc1234",
    securityGroupIds: ["sg-0123456789abcdef0"],
  },
  authModes: ["iam"],
  environment: "dev",
  justification: "Orders service consumes order events.",
};

function errorsOf(input: unknown): Record<string, string[]> {
  const result = requestInputSchema.safeParse(input);
  if (result.success) return {};
  return fieldErrors(result.error);
}

describe("requestInputSchema accepts", () => {
  it.each<[string, unknown]>([
    ["an aws-vpc client", valid],
    ["an aws-vpc client with subnets", { ...valid, client: { ...valid.client, subnetIds: ["subnet-0123abcd"] } }],
    ["an on-prem client with private and carrier-grade CIDRs", { ...valid, client: { type: "on-prem", cidrs: ["10.0.0.0/8", "100.64.0.0/10", "192.168.4.0/24"] } }],
    ["a saas client", { ...valid, client: { type: "saas", accountId: "333333333333", providerName: "Acme Stream" } }],
    ["several auth modes", { ...valid, authModes: ["iam", "tls", "scram"] }],
    ["topics to read and write, a prefix and a group", { ...valid, topicAccess: { readTopics: ["orders", "payments.*"], writeTopics: ["audit"], consumerGroups: ["orders-reader"] } }],
    ["an ARN without the revision suffix", { ...valid, clusterArn: "arn:aws:kafka:eu-west-1:111111111111:cluster/a/6357e0b2-0e6a-4b86-a0b4-70df934c2e31" }],
  ])("%s", (_name, input) => {
    expect(errorsOf(input)).toEqual({});
  });

  it("trims the justification", () => {
    const parsed = requestInputSchema.parse({ ...valid, justification: "   Orders service consumes order events.   " });
    expect(parsed.justification).toBe("Orders service consumes order events.");
  });
});

describe("requestInputSchema refuses, pointing at the field", () => {
  it.each<[string, unknown, string, RegExp]>([
    ["a short account id", { ...valid, client: { ...valid.client, accountId: "1234" } }, "client.accountId", /12 digits/],
    ["an unknown region", { ...valid, client: { ...valid.client, region: "us-middle-9" } }, "client.region", /region/],
    ["a bad VPC id", { ...valid, client: { ...valid.client, vpcId: "vpc-XYZ" } }, "client.vpcId", /vpc-0abc1234/],
    ["a VPC id of 10 hex digits", { ...valid, client: { ...valid.client, vpcId: "vpc-0123456789" } }, "client.vpcId", /vpc-0abc1234/],
    ["no security groups", { ...valid, client: { ...valid.client, securityGroupIds: [] } }, "client.securityGroupIds", /at least one/],
    ["a bad security group id", { ...valid, client: { ...valid.client, securityGroupIds: ["sg-1", "sg-0abc1234"] } }, "client.securityGroupIds.0", /sg-/],
    ["a duplicate security group", { ...valid, client: { ...valid.client, securityGroupIds: ["sg-0abc1234", "sg-0abc1234"] } }, "client.securityGroupIds.1", /twice/],
    ["a bad subnet id", { ...valid, client: { ...valid.client, subnetIds: ["subnet-zz"] } }, "client.subnetIds.0", /subnet-/],
    ["a CIDR that is not a network address", { ...valid, client: { type: "on-prem", cidrs: ["10.1.0.0/16", "10.0.0.1/16"] } }, "client.cidrs.1", /10\.0\.0\.0\/16/],
    ["a public on-prem CIDR", { ...valid, client: { type: "on-prem", cidrs: ["8.8.8.0/24"] } }, "client.cidrs.0", /private/],
    ["0.0.0.0/0", { ...valid, client: { type: "on-prem", cidrs: ["0.0.0.0/0"] } }, "client.cidrs.0", /every network/],
    ["a malformed CIDR", { ...valid, client: { type: "on-prem", cidrs: ["10.0.0/8"] } }, "client.cidrs.0", /like 10\.0\.0\.0\/16/],
    ["a CIDR prefix over 32", { ...valid, client: { type: "on-prem", cidrs: ["10.0.0.0/40"] } }, "client.cidrs.0", /0 to 32/],
    ["no on-prem CIDRs", { ...valid, client: { type: "on-prem", cidrs: [] } }, "client.cidrs", /at least one/],
    ["a saas account id with letters", { ...valid, client: { type: "saas", accountId: "abcdefghijkl", providerName: "Acme" } }, "client.accountId", /12 digits/],
    ["a saas client without a name", { ...valid, client: { type: "saas", accountId: "333333333333", providerName: " " } }, "client.providerName", /name/],
    ["an unknown client type", { ...valid, client: { type: "mainframe" } }, "client.type", /where the client runs/],
    ["no auth modes", { ...valid, authModes: [] }, "authModes", /at least one/],
    ["duplicate auth modes", { ...valid, authModes: ["iam", "iam"] }, "authModes", /once/],
    ["an unknown auth mode", { ...valid, authModes: ["kerberos"] }, "authModes.0", /IAM/],
    ["an unknown environment", { ...valid, environment: "qa" }, "environment", /dev, staging or prod/],
    ["a short justification", { ...valid, justification: "   need it      " }, "justification", /20 characters/],
    ["a long justification", { ...valid, justification: "x".repeat(2001) }, "justification", /2000/],
    ["topic access naming no topic", { ...valid, topicAccess: { readTopics: [], writeTopics: [], consumerGroups: ["g"] } }, "topicAccess.readTopics", /Name the topics/],
    ["a consumer group without topics to read", { ...valid, topicAccess: { readTopics: [], writeTopics: ["t"], consumerGroups: ["g"] } }, "topicAccess.consumerGroups", /name the topics they read/],
    ["a topic name with a slash", { ...valid, topicAccess: { readTopics: ["a/b"], writeTopics: [], consumerGroups: [] } }, "topicAccess.readTopics.0", /letters, digits/],
    ["a wildcard inside a name", { ...valid, topicAccess: { readTopics: ["a*b"], writeTopics: [], consumerGroups: [] } }, "topicAccess.readTopics.0", /prefix/],
    ["topic access without IAM", { ...valid, authModes: ["tls"], topicAccess: { readTopics: ["t"], writeTopics: [], consumerGroups: [] } }, "topicAccess.readTopics", /choose IAM/],
    ["an ARN of another service", { ...valid, clusterArn: "arn:aws:ec2:us-east-1:111111111111:vpc/vpc-0abc1234" }, "clusterArn", /MSK cluster ARN/],
    ["an ARN in an unknown region", { ...valid, clusterArn: ARN.replace("us-east-1", "xx-east-9") }, "clusterArn", /MSK cluster ARN/],
  ])("%s", (_name, input, path, message) => {
    const errors = errorsOf(input);
    expect(Object.keys(errors)).toContain(path);
    expect(errors[path]?.join(" ")).toMatch(message);
  });
});

describe("preferredMethod", () => {
  const base = {
    clusterArn: "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/7d0c7a4e-1b2c-4d3e-9f40-000000000001-1",
    authModes: ["iam"],
    environment: "dev",
    justification: "A justification that is long enough",
  };
  it("lets a VPC client ask for multi-VPC private connectivity", () => {
    const parsed = requestInputSchema.safeParse({
      ...base,
      client: { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000003", securityGroupIds: ["sg-0bbb0000000000021"] },
      preferredMethod: "multi-vpc-private-connectivity",
    });
    expect(parsed.success).toBe(true);
  });
  it("refuses it for an on-premises client, at the field", () => {
    const parsed = requestInputSchema.safeParse({ ...base, client: { type: "on-prem", cidrs: ["10.1.0.0/16"] }, preferredMethod: "multi-vpc-private-connectivity" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrors(parsed.error)).toHaveProperty("preferredMethod");
  });
});
