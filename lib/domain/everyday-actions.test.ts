import { describe, expect, it } from "vitest";

import { sameClient } from "./duplicate-requests";
import { catalogRefusals, planRefusals } from "./filing-refusals";
import { neededChanges } from "./needs-changes";
import { planConnection } from "./plan";
import { client, cluster, vpcInput } from "./plan/test-fixtures";
import { recommendedMethod } from "./recommended-method";
import type { ClientLocation, RequestInput } from "./request-input";
import { prefillFrom, refileKind } from "./request-prefill";

const vpc = (region = "us-east-1", vpcId = "vpc-0bbb0001"): ClientLocation => ({ type: "aws-vpc", accountId: "222222222222", region, vpcId, securityGroupIds: ["sg-0bbb0b01"] });
const input = (over: Partial<RequestInput> = {}): RequestInput => ({
  clusterArn: "arn:aws:kafka:us-east-1:111111111111:cluster/orders/x",
  client: vpc(),
  authModes: ["iam"],
  environment: "dev",
  justification: "The nightly job reads order events",
  ...over,
});
const catalog = { name: "analytics-dev", region: "us-east-1", authModes: ["plaintext", "iam"] };

describe("what the catalog already knows is refused at its field", () => {
  it.each([
    ["an enabled mode", input(), null],
    ["a mode the cluster does not enable", input({ authModes: ["iam", "scram"] }), { authModes: [expect.stringMatching(/analytics-dev does not enable SASL\/SCRAM.*choose plaintext, IAM/)] }],
    ["multi-VPC in the cluster's Region", input({ preferredMethod: "multi-vpc-private-connectivity" }), null],
    [
      "multi-VPC across Regions",
      input({ client: vpc("us-west-2"), preferredMethod: "multi-vpc-private-connectivity" }),
      { preferredMethod: [expect.stringMatching(/only clients in us-east-1.*this VPC is in us-west-2/)] },
    ],
    ["peering across Regions", input({ client: vpc("us-west-2") }), null],
  ])("%s", (_label, filed, expected) => {
    expect(catalogRefusals(filed, catalog)).toEqual(expected);
  });
});

describe("what discovery confirmed the form could have known", () => {
  const overlapping = client({ cidrs: ["10.10.128.0/17"] });
  it("refuses a peering across overlapping CIDRs when multi-VPC is the way out, and recommends it", () => {
    const plan = planConnection(vpcInput({ clientFacts: overlapping }));
    const filed = input({ client: vpc("us-east-1", overlapping.vpcId) });
    expect(planRefusals(plan, filed, "us-east-1")).toEqual({ preferredMethod: [expect.stringMatching(/overlap.*Tick multi-VPC private connectivity/)] });
    expect(recommendedMethod(plan, filed, "us-east-1")).toBe("multi-vpc-private-connectivity");
  });

  it("stores an overlap with no known way out (plaintext), to be changed later", () => {
    const plan = planConnection(vpcInput({ clientFacts: overlapping, authModes: ["plaintext"], clusterFacts: cluster({ enabledAuthModes: ["plaintext"] }) }));
    const filed = input({ client: vpc(), authModes: ["plaintext"] });
    expect(plan.preflight.map((f) => f.code)).toContain("cidr-overlap");
    expect(planRefusals(plan, filed, "us-east-1")).toBeNull();
    expect(recommendedMethod(plan, filed, "us-east-1")).toBeNull();
  });

  it("refuses an auth mode AWS reports disabled even when the catalog was stale", () => {
    const plan = planConnection(vpcInput({ clusterFacts: cluster({ enabledAuthModes: ["tls"] }) }));
    expect(planRefusals(plan, input(), "us-east-1")).toEqual({ authModes: [expect.stringContaining("does not have IAM client authentication enabled")] });
  });

  it("lets an approvable plan through", () => {
    const plan = planConnection(vpcInput({}));
    expect(planRefusals(plan, input(), "us-east-1")).toBeNull();
    expect(recommendedMethod(plan, input(), "us-east-1")).toBeNull();
  });
});

describe("needs changes", () => {
  const blocked = { computedAt: "2026-01-01T00:00:00Z", plan: planConnection(vpcInput({ clientFacts: client({ cidrs: ["10.10.128.0/17"] }) })) };
  const fine = { computedAt: "2026-01-01T00:00:00Z", plan: planConnection(vpcInput({})) };
  it("is a submitted request whose plan blocks, with what to change", () => {
    expect(neededChanges("SUBMITTED", blocked)).toEqual([expect.objectContaining({ code: "cidr-overlap", remedy: expect.stringContaining("multi-VPC") })]);
  });
  it.each([
    ["an approvable plan", "SUBMITTED", fine],
    ["a plan that could not be computed (an approver can still reject it from the queue)", "SUBMITTED", { computedAt: "x", error: { message: "denied" } }],
    ["no plan yet", "SUBMITTED", null],
    ["a decided request", "REJECTED", blocked],
  ] as const)("not for %s", (_label, status, stored) => {
    expect(neededChanges(status, stored)).toBeNull();
  });
});

describe("the same client", () => {
  it.each<[ClientLocation, ClientLocation, boolean]>([
    [vpc(), vpc(), true],
    [vpc(), vpc("us-west-2"), false],
    [vpc(), vpc("us-east-1", "vpc-0ccc0001"), false],
    [{ type: "on-prem", cidrs: ["192.168.0.0/16"] }, { type: "on-prem", cidrs: ["10.0.0.0/8", "192.168.4.0/24"] }, true],
    [{ type: "on-prem", cidrs: ["192.168.0.0/16"] }, { type: "on-prem", cidrs: ["172.16.0.0/12"] }, false],
    [{ type: "saas", accountId: "444444444444", providerName: "A" }, { type: "saas", accountId: "444444444444", providerName: "B" }, true],
    [{ type: "saas", accountId: "444444444444", providerName: "A" }, vpc(), false],
  ])("%j and %j: %s", (a, b, same) => {
    expect(sameClient(a, b)).toBe(same);
  });
});

describe("prefilling the form from a request", () => {
  const source = {
    id: "r1",
    number: 7,
    teamId: "t1",
    cluster: { arn: "arn:aws:kafka:us-east-1:111111111111:cluster/orders/x" },
    client: vpc(),
    authModes: ["iam", "bogus"],
    environment: "prod",
    justification: "The nightly job reads order events",
    preferredMethod: null,
    topicAccess: { readTopics: ["orders"], writeTopics: [], consumerGroups: [] },
  };
  it("copies what was asked and takes the recommended method in one click", () => {
    expect(prefillFrom(source)).toMatchObject({ from: { id: "r1", number: 7 }, client: vpc(), authModes: ["iam"], environment: "prod", multiVpc: false, topicAccess: { readTopics: ["orders"] } });
    expect(prefillFrom(source, { method: "multi-vpc-private-connectivity" }).multiVpc).toBe(true);
    expect(prefillFrom({ ...source, client: { type: "on-prem", cidrs: ["10.9.0.0/16"] } }, { method: "multi-vpc-private-connectivity" }).multiVpc).toBe(false);
  });
  it.each([
    ["SUBMITTED", true, "edit-and-refile"],
    ["SUBMITTED", false, "file-similar"],
    ["REJECTED", false, "edit-and-refile"],
    ["CANCELLED", false, "edit-and-refile"],
    ["ROLLED_BACK", false, "edit-and-refile"],
    ["ACTIVE", false, "file-similar"],
    ["DECOMMISSIONED", false, "file-similar"],
  ] as const)("%s (needs changes: %s) offers %s", (status, needs, kind) => {
    expect(refileKind(status, needs)).toBe(kind);
  });
});
