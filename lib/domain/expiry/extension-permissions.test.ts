import { describe, expect, it } from "vitest";

import type { ApprovalState } from "../approval-policy/approval-progress";
import type { RequestStatus } from "../lifecycle";
import type { Person } from "../request-parties";
import { extensionDecision, type ExtensionFacts, type ExtensionQuestion } from "./extension-permissions";

const PEOPLE = {
  requester: { kind: "user", userId: "u-req", roles: ["requester"], teamIds: ["team-a"] },
  teammate: { kind: "user", userId: "u-mate", roles: ["requester"], teamIds: ["team-a"] },
  outsider: { kind: "user", userId: "u-out", roles: ["requester"], teamIds: ["team-b"] },
  approver: { kind: "user", userId: "u-appr", roles: ["approver"], teamIds: [] },
  approverTeammate: { kind: "user", userId: "u-appr-mate", roles: ["approver", "requester"], teamIds: ["team-a"] },
  auditor: { kind: "user", userId: "u-aud", roles: ["auditor"], teamIds: ["team-a"] },
  admin: { kind: "user", userId: "u-adm", roles: ["admin"], teamIds: [] },
} satisfies Record<string, Person>;
type Name = keyof typeof PEOPLE;

const facts = (over: Partial<ExtensionFacts> = {}): ExtensionFacts => ({
  requesterId: "u-req",
  teamId: "team-a",
  status: "ACTIVE",
  endsAt: new Date("2026-12-20T00:00:00.000Z"),
  pendingExtension: null,
  ...over,
});
const pendingBy = (userId: string) => facts({ pendingExtension: { requestedById: userId } });

describe("who may ask for an extension", () => {
  it.each<[Name, boolean]>([
    ["requester", true],
    ["teammate", true],
    ["approverTeammate", true],
    ["outsider", false],
    ["approver", false],
    ["auditor", false],
    ["admin", false],
  ])("%s -> %s", (name, ok) => {
    expect(extensionDecision(PEOPLE[name], "extension.request", facts()).ok).toBe(ok);
  });

  it.each<[string, ExtensionFacts, RegExp]>([
    ["without an end date", facts({ endsAt: null }), /no end date/],
    ["while one is waiting", pendingBy("u-mate"), /already waiting/],
    ...(["DECOMMISSIONING", "DECOMMISSIONED", "ROLLING_BACK", "CANCELLED"] satisfies RequestStatus[]).map(
      (status): [string, ExtensionFacts, RegExp] => [`when ${status}`, facts({ status }), /cannot be extended/],
    ),
  ])("is refused %s", (_label, request, reason) => {
    expect(extensionDecision(PEOPLE.requester, "extension.request", request)).toMatchObject({ ok: false, code: "invalid-transition", reason: expect.stringMatching(reason) });
  });
});

describe("who may decide an extension: the rule for approving a request", () => {
  it.each<[Name, string, ReturnType<typeof extensionDecision>["ok"], string | null]>([
    ["approver", "u-mate", true, null],
    ["admin", "u-mate", true, null],
    ["requester", "u-mate", false, "forbidden"],
    ["auditor", "u-mate", false, "forbidden"],
    ["approverTeammate", "u-appr-mate", false, "separation-of-duties"],
    ["approverTeammate", "u-mate", true, null],
  ])("%s deciding an extension asked by %s", (name, askedBy, ok, code) => {
    const decision = extensionDecision(PEOPLE[name], "extension.decide", pendingBy(askedBy));
    expect(decision.ok).toBe(ok);
    if (!decision.ok) expect(decision.code).toBe(code);
  });

  it("an approver who filed the request cannot decide its extension", () => {
    const filer: Person = { kind: "user", userId: "u-req", roles: ["approver"], teamIds: ["team-a"] };
    expect(extensionDecision(filer, "extension.decide", pendingBy("u-mate"))).toMatchObject({ ok: false, code: "separation-of-duties" });
  });

  it.each<[ExtensionQuestion, ExtensionFacts]>([
    ["extension.decide", facts()],
    ["extension.decide", { ...pendingBy("u-mate"), status: "DECOMMISSIONED" }],
  ])("refuses %s with nothing to decide", (question, request) => {
    expect(extensionDecision(PEOPLE.approver, question, request)).toMatchObject({ ok: false, code: "invalid-transition" });
  });
});

describe("approving an extension under the policy that applied when it was asked", () => {
  const network = { id: "team-net", slug: "platform-network" };
  const netApprover: Person = { kind: "user", userId: "u-net", roles: ["approver"], teamIds: ["team-net"] };
  const withState = (outcome: ApprovalState["outcome"], approvals: ApprovalState["approvals"] = []) =>
    facts({ pendingExtension: { requestedById: "u-appr-mate", approvalState: { outcome, approvals, requesterId: "u-appr-mate" } } });
  const approvedBy = (userId: string, teams: string[] = []) => ({ userId, label: userId, teams, at: "2026-12-01T00:00:00.000Z" });

  it.each<[string, ExtensionFacts, Person, boolean | RegExp]>([
    ["one approval from anyone, an approver", withState({ kind: "approvals", count: 1, fromTeam: null, clusterOwner: null }), PEOPLE.approver, true],
    ["no policy recorded (asked before policies applied), one approver", pendingBy("u-mate"), PEOPLE.approver, true],
    ["two approvals, the same person a second time", withState({ kind: "approvals", count: 2, fromTeam: null, clusterOwner: null }, [approvedBy("u-appr")]), PEOPLE.approver, /already approved this extension/],
    ["two, one from platform-network, only the team's place left", withState({ kind: "approvals", count: 2, fromTeam: network, clusterOwner: null }, [approvedBy("u-adm")]), PEOPLE.approver, /still needs one from platform-network/],
    ["two, one from platform-network, a member takes it", withState({ kind: "approvals", count: 2, fromTeam: network, clusterOwner: null }, [approvedBy("u-adm")]), netApprover, true],
    ["the asker, even with a policy", withState({ kind: "approvals", count: 1, fromTeam: null, clusterOwner: null }), PEOPLE.approverTeammate, /someone else must decide/],
    ["an auditor", withState({ kind: "approvals", count: 1, fromTeam: null, clusterOwner: null }), PEOPLE.auditor, /Only approvers/],
  ])("%s", (_label, request, person, expected) => {
    const decision = extensionDecision(person, "extension.approve", request);
    if (expected === true) expect(decision).toEqual({ ok: true });
    else expect(decision).toMatchObject({ ok: false, reason: expect.stringMatching(expected as RegExp) });
  });

  it("a rejection needs only the right to decide, not a place under the policy", () => {
    const request = withState({ kind: "approvals", count: 2, fromTeam: network, clusterOwner: null }, [approvedBy("u-adm")]);
    expect(extensionDecision(PEOPLE.approver, "extension.decide", request)).toEqual({ ok: true });
    expect(extensionDecision(PEOPLE.approver, "extension.approve", request).ok).toBe(false);
  });
});
