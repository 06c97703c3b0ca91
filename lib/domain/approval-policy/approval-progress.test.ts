import { describe, expect, it } from "vitest";

import { approvalProgress, approvalWouldCount, type RecordedApproval } from "./approval-progress";
import type { ResolvedOutcome } from "./evaluate-policies";

const approval = (userId: string, teams: string[] = []): RecordedApproval => ({ userId, label: `${userId}@example.com`, teams, at: "2026-12-02T10:00:00Z" });
const approvals = (count: number, extra: Partial<Extract<ResolvedOutcome, { kind: "approvals" }>> = {}): ResolvedOutcome => ({
  kind: "approvals",
  count,
  fromTeam: null,
  clusterOwner: null,
  ...extra,
});
const TWO_WITH_NETWORK = approvals(2, { fromTeam: { id: "t-network", slug: "platform-network" } });
const OWNER = approvals(1, { clusterOwner: { cluster: "orders-prod", team: { id: "t-owners", slug: "msk-owners" } } });

describe("approvalProgress", () => {
  it.each<[string, ResolvedOutcome, RecordedApproval[], boolean, string, string[]]>([
    ["one of one", approvals(1), [approval("bob")], true, "1 of 1 approval: nothing more needed", []],
    ["none yet", approvals(1), [], false, "0 of 1 approval", ["1 more approval"]],
    ["two needed, one in", approvals(2), [approval("bob")], false, "1 of 2 approvals", ["1 more approval"]],
    ["team missing", TWO_WITH_NETWORK, [approval("erin", ["t-payments"])], false, "1 of 2 approvals; needs one from platform-network", ["one from platform-network"]],
    ["none of two with a team", TWO_WITH_NETWORK, [], false, "0 of 2 approvals; needs one from platform-network", ["1 more approval", "one from platform-network"]],
    ["team first", TWO_WITH_NETWORK, [approval("bob", ["t-network"])], false, "1 of 2 approvals", ["1 more approval"]],
    ["both in", TWO_WITH_NETWORK, [approval("erin"), approval("bob", ["t-network"])], true, "2 of 2 approvals: nothing more needed", []],
    [
      "count met, team still missing",
      TWO_WITH_NETWORK,
      [approval("erin"), approval("zoe")],
      false,
      "2 of 2 approvals; needs one from platform-network",
      ["one from platform-network"],
    ],
    ["requester never counts", approvals(1), [approval("alice", ["t-network"])], false, "0 of 1 approval", ["1 more approval"]],
    ["a person counts once", approvals(2), [approval("bob"), approval("bob")], false, "1 of 2 approvals", ["1 more approval"]],
    ["cluster owner", OWNER, [approval("bob")], false, "1 of 1 approval; needs one from msk-owners (owns orders-prod)", ["one from msk-owners (owns orders-prod)"]],
    ["cluster owner met", OWNER, [approval("olga", ["t-owners"])], true, "1 of 1 approval: nothing more needed", []],
    [
      "no owner team set: cannot be met",
      approvals(1, { clusterOwner: { cluster: "orders-prod", team: null } }),
      [approval("bob")],
      false,
      "1 of 1 approval; needs one from the team that owns orders-prod (none is set: an admin sets it under Admin, then re-plan)",
      ["one from the team that owns orders-prod (none is set: an admin sets it under Admin, then re-plan)"],
    ],
    ["auto-approve", { kind: "auto-approve" }, [], true, "Approved by the policy: no person needs to approve", []],
    ["reject", { kind: "reject", reason: "not here" }, [], false, "Rejected by the policy: not here", []],
  ])("%s", (_label, outcome, recorded, satisfied, summary, needed) => {
    const progress = approvalProgress({ outcome, approvals: recorded, requesterId: "alice" });
    expect(progress).toMatchObject({ satisfied, summary, needed });
    expect(progress.counted.every((a) => a.userId !== "alice")).toBe(true);
  });
});

describe("approvalWouldCount", () => {
  it.each<[string, ResolvedOutcome, RecordedApproval[], { userId: string; teamIds: string[] }, boolean | RegExp]>([
    ["any approver, first of one", approvals(1), [], { userId: "bob", teamIds: [] }, true],
    ["the requester, never", approvals(1), [], { userId: "alice", teamIds: ["t-network"] }, /You filed this request/],
    ["twice, never", approvals(2), [approval("bob")], { userId: "bob", teamIds: [] }, /already approved/],
    ["outside the team while a free place is left", TWO_WITH_NETWORK, [], { userId: "erin", teamIds: ["t-payments"] }, true],
    ["outside the team when only the team's place is left", TWO_WITH_NETWORK, [approval("erin")], { userId: "zoe", teamIds: [] }, /still needs one from platform-network/],
    ["the team's member fills the team's place", TWO_WITH_NETWORK, [approval("erin")], { userId: "bob", teamIds: ["t-network"] }, true],
    ["once satisfied", approvals(1), [approval("bob")], { userId: "erin", teamIds: [] }, /already has every approval/],
    ["auto-approve", { kind: "auto-approve" }, [], { userId: "bob", teamIds: [] }, /approves this request by itself/],
    ["reject", { kind: "reject", reason: "no" }, [], { userId: "bob", teamIds: [] }, /rejects this request: no/],
    ["owner not set", approvals(1, { clusterOwner: { cluster: "c", team: null } }), [], { userId: "bob", teamIds: [] }, /none is set/],
    ["owner's member", OWNER, [], { userId: "olga", teamIds: ["t-owners"] }, true],
  ])("%s", (_label, outcome, recorded, person, expected) => {
    const result = approvalWouldCount({ outcome, approvals: recorded, requesterId: "alice" }, person);
    if (expected === true) expect(result).toEqual({ counts: true });
    else expect(result).toMatchObject({ counts: false, reason: expect.stringMatching(expected as RegExp) });
  });
});
