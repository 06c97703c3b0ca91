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
