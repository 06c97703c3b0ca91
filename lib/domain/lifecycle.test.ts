import { describe, expect, it } from "vitest";
import {
  allowedActions,
  decideTransition,
  isTerminal,
  LIFECYCLE_ACTIONS,
  REQUEST_STATUSES,
  STATUS_LABELS,
  type Actor,
  type LifecycleAction,
  type RequestStatus,
} from "./lifecycle";
import type { ApprovalState } from "./approval-policy";

// Drifted in its own steps, so re-applying is an edge like any other here (its refusal without drift: below).
const request = { requesterId: "u-req", teamId: "team-a", driftedSteps: true };

const ACTORS = {
  system: { kind: "system" },
  requester: { kind: "user", userId: "u-req", roles: ["requester"], teamIds: ["team-a"] },
  teammate: { kind: "user", userId: "u-mate", roles: ["requester"], teamIds: ["team-a"] },
  outsider: { kind: "user", userId: "u-out", roles: ["requester"], teamIds: ["team-b"] },
  approver: { kind: "user", userId: "u-appr", roles: ["approver"], teamIds: ["team-p"] },
  approverRequester: { kind: "user", userId: "u-req", roles: ["approver"], teamIds: ["team-a"] },
  auditor: { kind: "user", userId: "u-aud", roles: ["auditor"], teamIds: ["team-a"] },
  admin: { kind: "user", userId: "u-adm", roles: ["admin"], teamIds: [] },
  adminRequester: { kind: "user", userId: "u-req", roles: ["admin"], teamIds: ["team-a"] },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof ACTORS;

const OPERATORS: ActorName[] = ["approver", "approverRequester", "admin", "adminRequester"];

// Every allowed (status, action) edge, who may take it, and where it leads. Anything not listed is refused.
const EDGES: Array<[RequestStatus, LifecycleAction, ActorName[], RequestStatus]> = [
  // The system too: the approval policy approves or rejects by itself.
  ["SUBMITTED", "approve", ["system", "approver", "admin"], "APPROVED"],
  ["SUBMITTED", "reject", ["system", "approver", "admin"], "REJECTED"],
  ["SUBMITTED", "cancel", ["requester", "teammate", "approverRequester", "admin", "adminRequester"], "CANCELLED"],
  ["APPROVED", "start-provisioning", ["system"], "PROVISIONING"],
  ["PROVISIONING", "start-verifying", ["system"], "VERIFYING"],
  ["VERIFYING", "activate", ["system"], "ACTIVE"],
  ["PROVISIONING", "fail", ["system"], "FAILED"],
  ["VERIFYING", "fail", ["system"], "FAILED"],
  ["DECOMMISSIONING", "fail", ["system"], "FAILED"],
  ["ROLLING_BACK", "fail", ["system"], "FAILED"],
  ["FAILED", "retry", OPERATORS, "APPROVED"],
  ["FAILED", "rollback", OPERATORS, "ROLLING_BACK"],
  ["ROLLING_BACK", "finish-rollback", ["system"], "ROLLED_BACK"],
  // The system too: the expiry decommissions a connection at its end date.
  ["ACTIVE", "decommission", ["system", "requester", "teammate", ...OPERATORS], "DECOMMISSIONING"],
  ["DECOMMISSIONING", "finish-decommission", ["system"], "DECOMMISSIONED"],
  // An operator puts a drifted connection back through provisioning; nobody else, and never the system.
  ["ACTIVE", "reapply", OPERATORS, "APPROVED"],
];

const table = REQUEST_STATUSES.flatMap((status) =>
  LIFECYCLE_ACTIONS.flatMap((action) =>
    (Object.keys(ACTORS) as ActorName[]).map((actorName) => {
      const edge = EDGES.find(([s, a]) => s === status && a === action);
      const allowed = edge !== undefined && edge[2].includes(actorName);
      return { status, action, actorName, edgeExists: edge !== undefined, to: allowed ? edge[3] : null };
    }),
  ),
);

describe("decideTransition: every status x action x actor", () => {
  it.each(table)("$status --$action by $actorName", ({ status, action, actorName, edgeExists, to }) => {
    const decision = decideTransition({ status, action, actor: ACTORS[actorName], request });
    if (to) {
      expect(decision).toEqual({ ok: true, to });
    } else {
      expect(decision.ok).toBe(false);
      if (!decision.ok) {
        expect(decision.code).toMatch(edgeExists ? /^(forbidden|separation-of-duties)$/ : /^invalid-transition$/);
        expect(decision.reason.length).toBeGreaterThan(10);
      }
    }
  });
});

describe("re-applying", () => {
  it("is refused for a connection whose own steps did not drift, whoever asks", () => {
    const inSync = { requesterId: "u-req", teamId: "team-a", driftedSteps: false };
    expect(decideTransition({ status: "ACTIVE", action: "reapply", actor: ACTORS.admin, request: inSync })).toMatchObject({ ok: false, code: "invalid-transition" });
  });
});

describe("separation of duties", () => {
  it.each<[ActorName, LifecycleAction]>([
    ["approverRequester", "approve"],
    ["approverRequester", "reject"],
    ["adminRequester", "approve"],
    ["adminRequester", "reject"],
  ])("%s cannot %s their own request, whatever their roles", (actorName, action) => {
    const decision = decideTransition({ status: "SUBMITTED", action, actor: ACTORS[actorName], request });
    expect(decision).toMatchObject({ ok: false, code: "separation-of-duties" });
  });

  it("a requester without approve permission is forbidden rather than told about separation of duties", () => {
    const decision = decideTransition({ status: "SUBMITTED", action: "approve", actor: ACTORS.requester, request });
    expect(decision).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("preflight blocks approval", () => {
  it.each<[LifecycleAction, boolean]>([
    ["approve", false],
    ["reject", true],
    ["cancel", true],
  ])("%s with a blocking finding -> allowed %s", (action, allowed) => {
    const decision = decideTransition({ status: "SUBMITTED", action, actor: ACTORS.admin, request: { ...request, blockedByPreflight: true } });
    expect(decision.ok).toBe(allowed);
    if (!decision.ok) {
      expect(decision.code).toBe("invalid-transition");
      expect(decision.reason).toMatch(/preflight/);
    }
  });
});

describe("a plan that could not be computed", () => {
  it("blocks approval saying so, not as preflight findings", () => {
    const decision = decideTransition({
      status: "SUBMITTED",
      action: "approve",
      actor: ACTORS.admin,
      request: { ...request, blockedByPreflight: true, planMissing: true },
    });
    expect(decision).toEqual({
      ok: false,
      code: "invalid-transition",
      reason: "The plan could not be computed; see its error on the request, re-plan once it is resolved, or reject the request",
    });
  });
});

describe("allowedActions", () => {
  it.each<[RequestStatus, ActorName, LifecycleAction[]]>([
    ["SUBMITTED", "approver", ["approve", "reject"]],
    ["SUBMITTED", "requester", ["cancel"]],
    ["SUBMITTED", "approverRequester", ["cancel"]],
    ["SUBMITTED", "admin", ["approve", "reject", "cancel"]],
    ["SUBMITTED", "auditor", []],
    ["FAILED", "approver", ["retry", "rollback"]],
    ["FAILED", "requester", []],
    ["ACTIVE", "teammate", ["decommission"]],
    ["ACTIVE", "outsider", []],
    ["PROVISIONING", "system", ["start-verifying", "fail"]],
    ["DECOMMISSIONED", "admin", []],
  ])("%s for %s -> %j", (status, actorName, expected) => {
    expect(allowedActions(status, ACTORS[actorName], request)).toEqual(expected);
  });
});

describe("isTerminal and labels", () => {
  it.each(REQUEST_STATUSES)("%s", (status) => {
    expect(isTerminal(status)).toBe(["REJECTED", "CANCELLED", "ROLLED_BACK", "DECOMMISSIONED"].includes(status));
    expect(STATUS_LABELS[status].length).toBeGreaterThan(0);
  });
});

describe("retrying a failed request resumes the phase it failed in", () => {
  const operator: Actor = { kind: "user", userId: "op", roles: ["approver"], teamIds: [] };
  const parties = (failedDuring: RequestStatus | null) => ({ requesterId: "someone", teamId: "t", failedDuring });

  it.each<[RequestStatus | null, RequestStatus]>([
    [null, "APPROVED"],
    ["PROVISIONING", "APPROVED"],
    ["VERIFYING", "APPROVED"],
    ["ROLLING_BACK", "ROLLING_BACK"],
    ["DECOMMISSIONING", "DECOMMISSIONING"],
  ])("failed during %s -> retry goes to %s", (failedDuring, to) => {
    expect(decideTransition({ status: "FAILED", action: "retry", actor: operator, request: parties(failedDuring) })).toEqual({ ok: true, to });
  });

  it.each<RequestStatus>(["ROLLING_BACK", "DECOMMISSIONING"])("a failure during %s cannot be rolled back, only retried", (failedDuring) => {
    const decision = decideTransition({ status: "FAILED", action: "rollback", actor: operator, request: parties(failedDuring) });
    expect(decision.ok).toBe(false);
  });
});

describe("approving under an approval policy", () => {
  const twoWithNetwork: ApprovalState = {
    outcome: { kind: "approvals", count: 2, fromTeam: { id: "team-n", slug: "platform-network" }, clusterOwner: null },
    approvals: [{ userId: "u-adm", label: "admin@example.com", teams: [], at: "2026-12-02T10:00:00Z" }],
    requesterId: "u-req",
  };

  it.each<[string, Actor, boolean | RegExp]>([
    ["the network team's approver counts", { kind: "user", userId: "u-n", roles: ["approver"], teamIds: ["team-n"] }, true],
    ["another approver would not count", ACTORS.approver, /still needs one from platform-network/],
    ["who already approved cannot again", ACTORS.admin, /already approved/],
    ["the requester never", ACTORS.approverRequester, /someone else must approve/],
  ])("%s", (_label, actor, expected) => {
    const decision = decideTransition({ status: "SUBMITTED", action: "approve", actor, request: { ...request, approvalState: twoWithNetwork } });
    if (expected === true) expect(decision).toEqual({ ok: true, to: "APPROVED" });
    else expect(decision).toMatchObject({ ok: false, reason: expect.stringMatching(expected as RegExp) });
  });

  it("the system approves only a plan that may be approved", () => {
    expect(decideTransition({ status: "SUBMITTED", action: "approve", actor: ACTORS.system, request: { ...request, planMissing: true } })).toMatchObject({
      ok: false,
      code: "invalid-transition",
    });
  });
});
