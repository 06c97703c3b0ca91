import { describe, expect, it } from "vitest";

import { clientLocationSchema, fieldErrors, requestBodySchema, requestInputSchema, type RequestInput } from "./request-input";
import { REQUEST_LIMITS } from "./validation/request-limits";

const valid: RequestInput = {
  clusterArn: "arn:aws:kafka:us-east-1:111111111111:cluster/orders/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5",
  client: { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0abc1234", securityGroupIds: ["sg-0123456789abcdef0"] },
  authModes: ["iam"],
  environment: "dev",
  justification: "Orders service consumes order events.",
};

const cidrs = (n: number) => Array.from({ length: n }, (_, i) => `10.${Math.floor(i / 256)}.${i % 256}.0/24`);
const sgs = (n: number) => Array.from({ length: n }, (_, i) => `sg-0abc${String(i).padStart(4, "0")}`);
const subnets = (n: number) => Array.from({ length: n }, (_, i) => `subnet-0abc${String(i).padStart(4, "0")}`);
const topics = (n: number) => Array.from({ length: n }, (_, i) => `topic-${i}`);
const vpc = valid.client;

function errorsOf(input: unknown): Record<string, string[]> {
  const result = requestInputSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe("request sizes", () => {
  it.each<[string, unknown, string | null]>([
    ["50 CIDRs", { ...valid, client: { type: "on-prem", cidrs: cidrs(REQUEST_LIMITS.cidrs) } }, null],
    ["51 CIDRs", { ...valid, client: { type: "on-prem", cidrs: cidrs(REQUEST_LIMITS.cidrs + 1) } }, "client.cidrs"],
    ["5,000 CIDRs", { ...valid, client: { type: "on-prem", cidrs: cidrs(5000) } }, "client.cidrs"],
    ["5 security groups", { ...valid, client: { ...vpc, securityGroupIds: sgs(5) } }, null],
    ["6 security groups", { ...valid, client: { ...vpc, securityGroupIds: sgs(6) } }, "client.securityGroupIds"],
    ["16 subnets", { ...valid, client: { ...vpc, subnetIds: subnets(16) } }, null],
    ["17 subnets", { ...valid, client: { ...vpc, subnetIds: subnets(17) } }, "client.subnetIds"],
    ["100 topics to read", { ...valid, topicAccess: { readTopics: topics(100), writeTopics: [], consumerGroups: [] } }, null],
    ["101 topics to read", { ...valid, topicAccess: { readTopics: topics(101), writeTopics: [], consumerGroups: [] } }, "topicAccess.readTopics"],
    ["a justification of 2,000 characters", { ...valid, justification: "x".repeat(2000) }, null],
    ["a justification of 2,001 characters", { ...valid, justification: "x".repeat(2001) }, "justification"],
    ["a provider name of 101 characters", { ...valid, client: { type: "saas", accountId: "333333333333", providerName: "p".repeat(101) } }, "client.providerName"],
  ])("%s", (_name, input, field) => {
    const errors = errorsOf(input);
    if (field === null) expect(errors).toEqual({});
    else expect(Object.keys(errors)).toEqual([field]);
  });
});

it("a stored request filed before the limits still reads", () => {
  expect(clientLocationSchema.safeParse({ type: "on-prem", cidrs: cidrs(5000) }).success).toBe(true);
});

describe("text approvers read", () => {
  it.each<[string, unknown, string]>([
    ["a NUL in the justification", { ...valid, justification: "Orders service consumes\u0000 order events." }, "justification"],
    ["a right-to-left override in the justification", { ...valid, justification: "Orders service \u202Eevents order consumes" }, "justification"],
    ["an isolate in the provider's name", { ...valid, client: { type: "saas", accountId: "333333333333", providerName: "Acme\u2066 Stream" } }, "client.providerName"],
    ["a line break in the provider's name", { ...valid, client: { type: "saas", accountId: "333333333333", providerName: "Acme\nStream" } }, "client.providerName"],
  ])("refuses %s", (_name, input, field) => {
    expect(Object.keys(errorsOf(input))).toEqual([field]);
  });

  it("keeps line breaks in a justification", () => {
    expect(errorsOf({ ...valid, justification: "Orders service consumes\norder events." })).toEqual({});
  });
});

describe("unknown fields", () => {
  it.each<[string, unknown, string]>([
    ["at the top", { ...valid, justfication: "typo" }, "justfication"],
    ["in the client", { ...valid, client: { ...vpc, subnets: ["subnet-0abc1234"] } }, "client.subnets"],
    ["in the topic access", { ...valid, topicAccess: { readTopics: ["a"], writeTopics: [], consumerGroups: [], groups: [] } }, "topicAccess.groups"],
  ])("are refused by name %s", (_name, input, field) => {
    expect(errorsOf(input)).toEqual({ [field]: ["Unknown field: remove it"] });
  });

  it("the API body takes the team as well", () => {
    expect(requestBodySchema.safeParse({ ...valid, teamId: "team-1" }).success).toBe(true);
    expect(requestInputSchema.safeParse({ ...valid, teamId: "team-1" }).success).toBe(false);
  });
});
