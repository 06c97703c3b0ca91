import { describe, expect, it } from "vitest";

import { approvalBlocker } from "./lifecycle";
import { allowedRequestActions, may, personOf } from "./permissions";
import { planConnection } from "./plan/plan-connection";
import type { StoredPlan } from "./plan/stored-plan";
import { vpcInput } from "./plan/test-fixtures";
import { requestFacts } from "./request-facts";

const plan = planConnection(vpcInput({}));
const filed = { requesterId: "alice", teamId: "payments", status: "SUBMITTED", failedDuring: null } as const;
const bob = personOf({ id: "bob", roles: ["approver"], teamIds: [] });
const at = "2026-01-01T00:00:00.000Z";

describe("requestFacts and approvalBlocker", () => {
  it.each<[string, StoredPlan | null, string | null]>([
    ["an approvable plan", { computedAt: at, plan }, null],
    ["a plan with a blocking finding", { computedAt: at, plan: { ...plan, approvable: false } }, "blocking preflight findings"],
    ["a plan that could not be computed", { computedAt: at, error: { message: "DescribeVpcs denied" } }, "could not be computed"],
    ["no plan yet", null, "could not be computed"],
  ])("%s: the reason the page and the API give is the one approving is refused with", (_, stored, reason) => {
    const facts = requestFacts(filed, stored);
    const blocker = approvalBlocker(facts.status, facts);
    const decision = may(bob, "request.approve", facts);
    if (reason === null) {
      expect(blocker).toBeNull();
      expect(decision.ok).toBe(true);
    } else {
      expect(blocker).toContain(reason);
      expect(decision).toEqual({ ok: false, code: "invalid-transition", reason: blocker });
      expect(allowedRequestActions(bob, facts)).toEqual(["reject"]);
    }
  });

  it("names the status once the request is past its decision", () => {
    const facts = requestFacts({ ...filed, status: "ACTIVE" }, { computedAt: at, plan });
    expect(approvalBlocker(facts.status, facts)).toBe("A request that is active cannot be approved");
  });
});

describe("requestFacts: re-apply and decommission", () => {
  const active = { ...filed, status: "ACTIVE" } as const;
  const own = { step: "create-route:rtb-1:10.0.0.0/16", summary: "add a route", problem: "gone" };
  const reliedOn = { step: "relied-on", summary: "peering pcx-1 (relied on)", problem: "Peering pcx-1 is deleted" };
  const path = { step: "path-analysis", summary: "The path in AWS", problem: "no path" };

  it.each<[string, unknown, boolean]>([
    ["no drift", null, false],
    ["its own step drifted", [own], true],
    ["its own step and the path", [own, path], true],
    ["only what it relies on", [reliedOn], false],
    ["its own step and what it relies on: that is fixed first", [own, reliedOn], false],
    ["only the path", [path], false],
  ])("%s: re-applicable %s", (_, drift, expected) => {
    expect(requestFacts({ ...active, drift }, null).driftedSteps).toBe(expected);
  });

  it("reads who may decommission from the stored policy; none is the team or an operator, an unreadable one operators only", () => {
    const evaluation = { policyId: "p", policyName: "P", policyVersion: 1, isDefault: false, why: [], outcome: { kind: "approvals", count: 1, fromTeam: null, clusterOwner: null }, requireEndDate: false, maxDurationDays: null, evaluatedAt: at };
    expect(requestFacts({ ...active, approvalPolicy: null }, null).decommissionBy).toBe("team-or-operator");
    expect(requestFacts({ ...active, approvalPolicy: evaluation }, null).decommissionBy).toBe("team-or-operator");
    expect(requestFacts({ ...active, approvalPolicy: { ...evaluation, decommissionBy: "operators" } }, null).decommissionBy).toBe("operators");
    expect(requestFacts({ ...active, approvalPolicy: { damaged: true } }, null).decommissionBy).toBe("operators");
  });
});
