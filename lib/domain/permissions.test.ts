import { describe, expect, it } from "vitest";

import { decideTransition, type RequestStatus } from "./lifecycle";
import {
  allowedRequestActions,
  may,
  type Person,
  type RequestFacts,
  type RequestQuestion,
  type RoleQuestion,
  teamsToFileFor,
} from "./permissions";

const person = (userId: string, roles: Person["roles"], teamIds: string[] = []): Person => ({
  kind: "user",
  userId,
  roles,
  teamIds,
});
const PEOPLE = {
  alice: person("alice", ["requester"], ["payments"]),
  carol: person("carol", ["requester"], ["analytics"]),
  bob: person("bob", ["approver"]),
  dana: person("dana", ["auditor"], ["payments"]),
  erin: person("erin", ["admin"], ["payments"]),
};
type Name = keyof typeof PEOPLE;
const filedByAlice = (status: RequestStatus): RequestFacts => ({ requesterId: "alice", teamId: "payments", status });

describe("who may ask what of a request", () => {
  it.each<[RequestQuestion, RequestStatus, Name[]]>([
    ["request.approve", "SUBMITTED", ["bob", "erin"]],
    ["request.reject", "SUBMITTED", ["bob", "erin"]],
    ["request.cancel", "SUBMITTED", ["alice", "erin"]],
    ["request.replan", "SUBMITTED", ["alice", "bob", "erin"]],
    ["request.retry", "FAILED", ["bob", "erin"]],
    ["request.rollback", "FAILED", ["bob", "erin"]],
    ["request.decommission", "ACTIVE", ["alice", "bob", "erin"]],
    // Checking writes the request and its audit trail: a read-only auditor, even one in the team, may not.
    ["request.drift-check", "ACTIVE", ["alice", "bob", "erin"]],
  ])("%s on a %s request: only %j", (question, status, allowed) => {
    const answers = Object.entries(PEOPLE)
      .filter(([, p]) => may(p, question, filedByAlice(status)).ok)
      .map(([name]) => name);
    expect(answers).toEqual(allowed);
  });

  it.each<[RequestQuestion, RequestStatus]>([
    ["request.replan", "ACTIVE"],
    ["request.drift-check", "SUBMITTED"],
    ["request.decommission", "FAILED"],
  ])("%s is refused for a %s request whoever asks", (question, status) => {
    expect(may(PEOPLE.erin, question, filedByAlice(status))).toMatchObject({ ok: false, code: "invalid-transition" });
  });

  it("lets only operators decommission a connection whose approval policy says so, and tells the team why", () => {
    const guarded = { ...filedByAlice("ACTIVE"), decommissionBy: "operators" as const };
    const answers = Object.entries(PEOPLE)
      .filter(([, p]) => may(p, "request.decommission", guarded).ok)
      .map(([name]) => name);
    expect(answers).toEqual(["bob", "erin"]);
    expect(may(PEOPLE.alice, "request.decommission", guarded)).toMatchObject({ ok: false, code: "forbidden", reason: expect.stringContaining("approval policy lets only operators") });
    expect(allowedRequestActions(PEOPLE.alice, guarded)).toEqual([]);
    // The expiry removes the connection at its end date whatever the policy says about people.
    expect(decideTransition({ status: "ACTIVE", action: "decommission", actor: { kind: "system" }, request: guarded })).toMatchObject({ ok: true });
  });

  it("keeps separation of duties: an approver may not decide a request they filed", () => {
    const own = { requesterId: "bob", teamId: "payments", status: "SUBMITTED" as const };
    expect(may(PEOPLE.bob, "request.approve", own)).toMatchObject({ ok: false, code: "separation-of-duties" });
    expect(may(PEOPLE.bob, "request.reject", own)).toMatchObject({ ok: false, code: "separation-of-duties" });
    expect(may(PEOPLE.bob, "request.replan", own).ok).toBe(true);
  });

  it("offers approval only while the plan has no blocking finding", () => {
    expect(allowedRequestActions(PEOPLE.bob, { ...filedByAlice("SUBMITTED"), blockedByPreflight: true })).toEqual(["reject"]);
    expect(allowedRequestActions(PEOPLE.bob, filedByAlice("SUBMITTED"))).toEqual(["approve", "reject"]);
  });
});

describe("who may ask what of the portal", () => {
  it.each<[RoleQuestion, Name[]]>([
    ["request.list", ["alice", "carol", "bob", "dana", "erin"]],
    ["request.list-all", ["bob", "dana", "erin"]],
    ["request.create", ["alice", "carol", "bob", "erin"]],
    ["approvals.view", ["bob", "erin"]],
    ["audit.read", ["bob", "dana", "erin"]],
    ["dashboard.view", ["bob", "dana", "erin"]],
    ["catalog.refresh", ["bob", "erin"]],
    ["platform.manage", ["erin"]],
    ["people.manage", ["erin"]],
    ["token.manage-own", ["alice", "carol", "bob", "dana", "erin"]],
    ["connection.watch-all", ["bob", "dana", "erin"]],
    ["connection.reject", ["bob", "erin"]],
  ])("%s: only %j", (question, allowed) => {
    expect(
      Object.entries(PEOPLE)
        .filter(([, p]) => may(p, question).ok)
        .map(([name]) => name),
    ).toEqual(allowed);
  });

  it("refuses somebody who is not signed in, whatever the question", () => {
    expect(may(null, "catalog.read")).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(may(null, "request.cancel", filedByAlice("SUBMITTED"))).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("who may file a request for a team", () => {
  it.each<[string | null, Name[]]>([
    // An administrator in the team may; an auditor in it may not file at all; nobody files for a team they are not in.
    ["payments", ["alice", "erin"]],
    ["analytics", ["carol"]],
    [null, []],
  ])("for %s: only %j", (teamId, allowed) => {
    expect(
      Object.entries(PEOPLE)
        .filter(([, p]) => may(p, "request.create-for-team", { teamId }).ok)
        .map(([name]) => name),
    ).toEqual(allowed);
  });

  it("tells a requester without a team, and one who picked another team, what to do", () => {
    expect(may(person("zoe", ["requester"]), "request.create-for-team", { teamId: "payments" })).toMatchObject({ reason: "You are not a member of any team yet." });
    expect(may(PEOPLE.alice, "request.create-for-team", { teamId: "analytics" })).toMatchObject({ reason: "Choose one of your teams." });
    expect(may(PEOPLE.dana, "request.create-for-team", { teamId: "payments" })).toMatchObject({ reason: "Your role does not allow this." });
  });

  it("offers the new-request form only the teams the filing path accepts", () => {
    const teams = [{ id: "payments", name: "Payments" }, { id: "analytics", name: "Analytics" }];
    expect(teamsToFileFor(PEOPLE.alice, teams)).toEqual([{ id: "payments", name: "Payments" }]);
    expect(teamsToFileFor(PEOPLE.dana, teams)).toEqual([]);
  });
});
