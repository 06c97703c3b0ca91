import { describe, expect, it } from "vitest";
import type { ClientLocation } from "./request-input";
import { classifyScenario, SCENARIO_LABELS, SCENARIOS, type Scenario } from "./scenario";

const cluster = { accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa1111" };
const vpc = (accountId: string, region: string, vpcId: string): ClientLocation => ({
  type: "aws-vpc",
  accountId,
  region,
  vpcId,
  securityGroupIds: ["sg-0bbb2222"],
});

describe("classifyScenario", () => {
  it.each<[string, ClientLocation, Scenario]>([
    ["same account, region and VPC", vpc("111111111111", "us-east-1", "vpc-0aaa1111"), "same-vpc"],
    ["same account and region, other VPC", vpc("111111111111", "us-east-1", "vpc-0ccc3333"), "cross-vpc"],
    ["same account, other region", vpc("111111111111", "eu-west-1", "vpc-0ccc3333"), "cross-region"],
    ["other account, same region", vpc("222222222222", "us-east-1", "vpc-0ccc3333"), "cross-account"],
    ["other account, other region", vpc("222222222222", "eu-west-1", "vpc-0ccc3333"), "cross-account"],
    // A VPC id is unique per account and region only; an equal id elsewhere is another VPC.
    ["other account, same VPC id", vpc("222222222222", "us-east-1", "vpc-0aaa1111"), "cross-account"],
    ["on-premises", { type: "on-prem", cidrs: ["10.0.0.0/8"] }, "on-prem"],
    ["SaaS", { type: "saas", accountId: "333333333333", providerName: "Acme" }, "saas"],
  ])("%s -> %s", (_name, client, expected) => {
    expect(classifyScenario(client, cluster)).toBe(expected);
  });

  it.each(SCENARIOS)("%s has a label", (s) => {
    expect(SCENARIO_LABELS[s].title.length).toBeGreaterThan(0);
    expect(SCENARIO_LABELS[s].summary.length).toBeGreaterThan(0);
  });
});
