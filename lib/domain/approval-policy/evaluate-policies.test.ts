import { describe, expect, it } from "vitest";

import { evaluatePolicies, policyMatches, type PolicySubject } from "./evaluate-policies";
import { approvalPolicySchema, planTraits, type ApprovalPolicy } from "./policy-schema";

const NOW = new Date("2026-12-02T10:00:00Z");
const ORDERS = "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/x";

const subject = (over: Partial<PolicySubject> = {}): PolicySubject => ({
  environment: "dev",
  scenario: "same-vpc",
  method: "security-group-only",
  clusterArn: ORDERS,
  clusterName: "orders-prod",
  clusterOwnerTeam: null,
  clientAccountId: "111111111111",
  team: { id: "t-payments", slug: "payments" },
  teamSlugs: { "t-payments": "payments", "t-network": "platform-network", "t-owners": "msk-owners" },
  authModes: ["iam"],
  traits: ["creates-sg-rules"],
  stepCount: 1,
  ...over,
});

const policy = (name: string, fields: Record<string, unknown>, version = 1): ApprovalPolicy =>
  approvalPolicySchema.parse({ id: name, name, version, isDefault: false, outcome: { kind: "approvals", count: 1 }, ...fields, match: fields.match ?? {} });

const DEFAULT = policy("Default", { isDefault: true, outcome: { kind: "approvals", count: 1 } });

describe("planTraits", () => {
  it.each([
    [[{ kind: "create-peering" }, { kind: "create-route" }], ["creates-peering"]],
    [[{ kind: "attach-vpc-to-tgw" }, { kind: "authorize-sg-ingress" }], ["touches-transit-gateway", "creates-sg-rules"]],
    [[{ kind: "put-cluster-policy" }, { kind: "enable-multi-vpc-connectivity" }], ["changes-cluster-policy"]],
    [[], []],
  ] as const)("%j -> %j", (steps, traits) => {
    expect(planTraits(steps)).toEqual(traits);
  });
});

describe("policyMatches: each criterion, matching and not", () => {
  it.each<[string, Record<string, unknown>, Partial<PolicySubject>, string[] | null]>([
    ["environment", { environments: ["prod"] }, { environment: "prod" }, ["environment is prod"]],
    ["environment (no)", { environments: ["prod"] }, {}, null],
    ["scenario", { scenarios: ["same-vpc", "cross-vpc"] }, {}, ["scenario is same-vpc"]],
    ["method", { methods: ["vpc-peering"] }, {}, null],
    ["cluster", { clusterArns: [ORDERS] }, {}, ["cluster is orders-prod"]],
    ["client account", { clientAccountIds: ["222222222222"] }, {}, null],
    ["on-prem client has no account", { clientAccountIds: ["222222222222"] }, { clientAccountId: null }, null],
    ["team", { teams: ["t-payments"] }, {}, ["team is payments"]],
    ["team (no)", { teams: ["t-network"] }, {}, null],
    ["auth modes: any of", { authModes: ["scram", "iam"] }, {}, ["auth modes include iam"]],
    ["traits: all of", { traits: ["creates-peering", "creates-sg-rules"] }, {}, null],
    ["trait", { traits: ["creates-sg-rules"] }, {}, ["plan creates security group rules"]],
    ["size", { minSteps: 5 }, { stepCount: 7 }, ["plan has 7 steps (5 or more)"]],
    ["size (no)", { minSteps: 5 }, {}, null],
    ["two criteria", { environments: ["dev"], scenarios: ["same-vpc"] }, {}, ["environment is dev", "scenario is same-vpc"]],
    ["one of two fails", { environments: ["dev"], scenarios: ["saas"] }, {}, null],
    ["nothing asked", {}, {}, ["it matches every request"]],
  ])("%s", (_label, match, over, why) => {
    expect(policyMatches(policy("p", { match }), subject(over))).toEqual(why);
  });

  it("the default policy matches whatever its fields say", () => {
    const odd = approvalPolicySchema.parse({ ...DEFAULT, match: { environments: ["prod"] } });
    expect(policyMatches(odd, subject())).toEqual(["no other policy matched"]);
  });
});

describe("evaluatePolicies", () => {
  const prod = policy("Prod needs two", { match: { environments: ["prod"] }, outcome: { kind: "approvals", count: 2, fromTeam: "t-network" } }, 3);
  const devSame = policy("Dev same-VPC", { match: { environments: ["dev"], scenarios: ["same-vpc"] }, outcome: { kind: "auto-approve" } });
  const noSaas = policy("No SaaS", { match: { scenarios: ["saas"] }, outcome: { kind: "reject", reason: "SaaS clients go through the vendor desk" } });
  const owner = policy("Owner signs", { match: { traits: ["changes-cluster-policy"] }, outcome: { kind: "approvals", count: 1, fromClusterOwner: true } });

  it.each<[string, Partial<PolicySubject>, string, unknown]>([
    ["prod", { environment: "prod" }, "Prod needs two", { kind: "approvals", count: 2, fromTeam: { id: "t-network", slug: "platform-network" }, clusterOwner: null }],
    ["dev same VPC", {}, "Dev same-VPC", { kind: "auto-approve" }],
    ["saas", { scenario: "saas", environment: "staging" }, "No SaaS", { kind: "reject", reason: "SaaS clients go through the vendor desk" }],
    [
      "cluster owner resolved",
      { environment: "staging", scenario: "saas", traits: ["changes-cluster-policy"], clusterOwnerTeam: { id: "t-owners", slug: "msk-owners" } },
      "No SaaS",
      { kind: "reject", reason: "SaaS clients go through the vendor desk" },
    ],
    ["nothing else matches", { environment: "staging", scenario: "cross-vpc" }, "Default", { kind: "approvals", count: 1, fromTeam: null, clusterOwner: null }],
  ])("%s", (_label, over, name, outcome) => {
    const result = evaluatePolicies([prod, devSame, noSaas, owner, DEFAULT], subject(over), NOW);
    expect(result).toMatchObject({ policyName: name, outcome, evaluatedAt: NOW.toISOString() });
  });

  it("first match decides: order matters", () => {
    expect(evaluatePolicies([devSame, prod, DEFAULT], subject({ environment: "dev" }), NOW).policyName).toBe("Dev same-VPC");
    const broad = policy("Everything dev", { match: { environments: ["dev"] } });
    expect(evaluatePolicies([broad, devSame, DEFAULT], subject(), NOW).policyName).toBe("Everything dev");
  });

  it("resolves the cluster owner team at evaluation, null when none is set", () => {
    const s = subject({ environment: "staging", scenario: "saas", traits: ["changes-cluster-policy"] });
    expect(evaluatePolicies([owner, DEFAULT], { ...s, clusterOwnerTeam: { id: "t-owners", slug: "msk-owners" } }, NOW).outcome).toEqual({
      kind: "approvals",
      count: 1,
      fromTeam: null,
      clusterOwner: { cluster: "orders-prod", team: { id: "t-owners", slug: "msk-owners" } },
    });
    expect(evaluatePolicies([owner, DEFAULT], s, NOW).outcome).toMatchObject({ clusterOwner: { cluster: "orders-prod", team: null } });
  });

  it("asks the default last wherever it stands, and records version and expiry fields", () => {
    const withExpiry = policy("Prod", { match: { environments: ["prod"] }, requireEndDate: true, maxDurationDays: 90 }, 4);
    const result = evaluatePolicies([DEFAULT, withExpiry], subject({ environment: "prod" }), NOW);
    expect(result).toMatchObject({ policyName: "Prod", policyVersion: 4, isDefault: false, requireEndDate: true, maxDurationDays: 90, why: ["environment is prod"] });
    expect(evaluatePolicies([DEFAULT, withExpiry], subject(), NOW)).toMatchObject({ policyName: "Default", isDefault: true, requireEndDate: false, maxDurationDays: null });
  });

  it("refuses to decide without a default policy", () => {
    expect(() => evaluatePolicies([prod], subject(), NOW)).toThrow(/No default approval policy/);
  });
});
