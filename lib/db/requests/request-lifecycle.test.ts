import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/domain/lifecycle";
import { planConnection } from "@/lib/domain/plan/plan-connection";
import { vpcInput } from "@/lib/domain/plan/test-fixtures";
import type { RequestInput } from "@/lib/domain/request-input";
import { ExpectedError } from "@/lib/errors/expected-error";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

import { asJson } from "../as-json";
import type { PrismaClient } from "../prisma-factory";
import { startSeededTestDatabase } from "../testing/seeded-test-database";
import { createAccessRequest, type Requester } from "./create-request";
import { getRequestForViewer } from "./get-request";
import { listRequests } from "./list-requests";
import { transitionRequest } from "./transition-request";

let prisma: PrismaClient;
let database: Awaited<ReturnType<typeof startSeededTestDatabase>>;
const people = new Map<string, Requester>();

beforeAll(async () => {
  database = await startSeededTestDatabase();
  prisma = database.prisma;
  const users = await prisma.user.findMany({ include: { memberships: true } });
  for (const u of users) {
    people.set(u.email.split("@")[0]!, { id: u.id, email: u.email, roles: u.roles, teamIds: u.memberships.map((m) => m.teamId) });
  }
});
afterAll(() => database.drop());

function person(name: string): Requester {
  const p = people.get(name);
  if (!p) throw new Error(`no demo user ${name}`);
  return p;
}

const actor = (p: Requester): Actor => ({ kind: "user", userId: p.id, roles: p.roles, teamIds: p.teamIds });
const auditActor = (p: Requester) => ({ kind: "user" as const, userId: p.id, label: p.email });

// Planning needs AWS; these tests are about the lifecycle, so they store a plan directly.
async function withPlan(id: string, approvable = true) {
  const planned = planConnection(vpcInput({}));
  const plan = approvable ? planned : { ...planned, preflight: [{ severity: "block", code: "cidr-overlap", message: "overlap", remedy: "x" }], approvable };
  await prisma.accessRequest.update({ where: { id }, data: { plan: asJson({ computedAt: new Date().toISOString(), plan }) } });
}

async function fileRequest(who: Requester) {
  const request = await createAccessRequest(who, input);
  await withPlan(request.id);
  return request;
}

const input: RequestInput = {
  clusterArn: DEMO_CLUSTERS[0]!.arn,
  client: { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] },
  authModes: ["iam"],
  environment: "dev",
  justification: "Payments consumer reads the orders topic",
};

describe("filing a request", () => {
  it("stores it with its scenario and an audit event in the requester's team", async () => {
    const alice = person("alice");
    const request = await createAccessRequest(alice, input);
    expect(request).toMatchObject({ status: "SUBMITTED", scenario: "cross-account", version: 0, teamId: alice.teamIds[0] });
    const events = await prisma.auditEvent.findMany({ where: { requestId: request.id } });
    expect(events.map((e) => [e.action, e.actorLabel])).toEqual([["request.submit", "alice@example.com"]]);
  });

  it("refuses a cluster that is not in the catalog, at the cluster field, and stores nothing", async () => {
    const before = await prisma.accessRequest.count();
    const error = await createAccessRequest(person("alice"), {
      ...input,
      clusterArn: "arn:aws:kafka:us-east-1:111111111111:cluster/nope/7d0c7a4e-1b2c-4d3e-9f40-000000000009-1",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpectedError);
    expect((error as ExpectedError).fieldErrors).toHaveProperty("clusterArn");
    expect(await prisma.accessRequest.count()).toBe(before);
  });

  // Registered accounts are the truth: the account, its Region and its team are checked before anything else.
  it("refuses, at its field and storing nothing, an unregistered account, another team's account and an unregistered Region", async () => {
    const before = await prisma.accessRequest.count();
    const refusal = async (who: Requester, client: RequestInput["client"]) => {
      const error = await createAccessRequest(who, { ...input, client }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExpectedError);
      return (error as ExpectedError).fieldErrors;
    };
    const vpc = input.client as Extract<RequestInput["client"], { type: "aws-vpc" }>;
    expect(await refusal(person("alice"), { ...vpc, accountId: "555555555555" })).toEqual({
      "client.accountId": ["Account 555555555555 is not registered with the portal for Payments: ask a platform admin to register it for the team"],
    });
    // Carol's team (analytics) does not own the payments account: the same words as for an unknown one, so she
    // learns nothing about it.
    expect(await refusal(person("carol"), vpc)).toEqual({
      "client.accountId": ["Account 222222222222 is not registered with the portal for Analytics: ask a platform admin to register it for the team"],
    });
    expect(await refusal(person("alice"), { ...vpc, region: "ap-south-1" })).toEqual({
      "client.region": [
        "The portal does not work in ap-south-1 for account 222222222222 (registered: us-east-1, eu-west-1): ask a platform admin to add the Region",
      ],
    });
    expect(await prisma.accessRequest.count()).toBe(before);
    // Once an admin adds the analytics team to the account, Carol may file for it.
    const analytics = await prisma.team.findUniqueOrThrow({ where: { slug: "analytics" } });
    await prisma.accountTeam.create({ data: { accountId: "222222222222", teamId: analytics.id } });
    try {
      await expect(createAccessRequest(person("carol"), input)).resolves.toMatchObject({ teamId: analytics.id });
    } finally {
      await prisma.accountTeam.delete({ where: { accountId_teamId: { accountId: "222222222222", teamId: analytics.id } } });
    }
  });

  it("refuses someone without a team and an auditor", async () => {
    // bob, an approver, as if he were in no team (in the demo he is in platform-network).
    await expect(createAccessRequest({ ...person("bob"), teamIds: [] }, input)).rejects.toThrow("not a member of any team");
    await expect(createAccessRequest(person("dana"), input)).rejects.toThrow("does not allow");
  });
});

describe("who sees a request", () => {
  it("shows it to the requester's team and the platform roles, and hides it from other teams", async () => {
    const request = await createAccessRequest(person("alice"), input);
    expect(await getRequestForViewer(person("alice"), request.id)).not.toBeNull();
    expect(await getRequestForViewer(person("bob"), request.id)).not.toBeNull();
    expect(await getRequestForViewer(person("dana"), request.id)).not.toBeNull();
    expect(await getRequestForViewer(person("carol"), request.id)).toBeNull();
    const carolsList = await listRequests(person("carol"));
    expect(carolsList.rows.map((r) => r.id)).not.toContain(request.id);
  });

  it("refuses another team's member acting on it as if it did not exist", async () => {
    const request = await createAccessRequest(person("alice"), input);
    await expect(
      transitionRequest({ requestId: request.id, action: "cancel", actor: actor(person("carol")), auditActor: auditActor(person("carol")) }),
    ).rejects.toThrow("No such request");
  });
});

describe("deciding a request", () => {
  it("lets an approver approve once and records who, when and the comment", async () => {
    const request = await fileRequest(person("alice"));
    const bob = person("bob");
    const result = await transitionRequest({ requestId: request.id, action: "approve", actor: actor(bob), auditActor: auditActor(bob), comment: "ok for dev", expectedVersion: 0 });
    expect(result).toEqual({ status: "APPROVED", version: 1 });
    const saved = await prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(saved).toMatchObject({ status: "APPROVED", decidedById: bob.id, decisionComment: "ok for dev" });
    const second = transitionRequest({ requestId: request.id, action: "approve", actor: actor(bob), auditActor: auditActor(bob) });
    await expect(second).rejects.toMatchObject({ code: "conflict" });
  });

  it("with 20 approvals at once, exactly one wins and the others are told the request changed", async () => {
    const request = await fileRequest(person("alice"));
    const bob = person("bob");
    const erin = person("erin");
    const attempts = Array.from({ length: 20 }, (_, i) => {
      const who = i % 2 ? bob : erin;
      return transitionRequest({ requestId: request.id, action: "approve", actor: actor(who), auditActor: auditActor(who), expectedVersion: 0 });
    });
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const l of lost) expect(l.reason).toMatchObject({ code: "conflict" });
    const approvals = await prisma.auditEvent.count({ where: { requestId: request.id, action: "request.approve" } });
    expect(approvals).toBe(1);
  });

  it("keeps separation of duties: an admin cannot approve the request they filed", async () => {
    const erin = person("erin");
    const request = await fileRequest(erin);
    await expect(
      transitionRequest({ requestId: request.id, action: "approve", actor: actor(erin), auditActor: auditActor(erin) }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("SUBMITTED");
  });

  it("refuses a requester approving, and a stale version, without changing anything", async () => {
    const request = await fileRequest(person("alice"));
    const alice = person("alice");
    await expect(
      transitionRequest({ requestId: request.id, action: "approve", actor: actor(alice), auditActor: auditActor(alice) }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const bob = person("bob");
    await expect(
      transitionRequest({ requestId: request.id, action: "reject", actor: actor(bob), auditActor: auditActor(bob), expectedVersion: 7, comment: "no" }),
    ).rejects.toThrow("changed by someone else");
    const saved = await prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(saved).toMatchObject({ status: "SUBMITTED", version: 0 });
    expect(await prisma.auditEvent.count({ where: { requestId: request.id } })).toBe(1);
  });

  it("refuses to approve a request without a plan or whose plan has a blocking finding", async () => {
    const bob = person("bob");
    const unplanned = await createAccessRequest(person("alice"), input);
    await expect(
      transitionRequest({ requestId: unplanned.id, action: "approve", actor: actor(bob), auditActor: auditActor(bob) }),
    ).rejects.toThrow("The plan could not be computed");
    const blocked = await fileRequest(person("alice"));
    await withPlan(blocked.id, false);
    await expect(
      transitionRequest({ requestId: blocked.id, action: "approve", actor: actor(bob), auditActor: auditActor(bob) }),
    ).rejects.toThrow("preflight");
    await transitionRequest({ requestId: blocked.id, action: "reject", actor: actor(bob), auditActor: auditActor(bob), comment: "overlapping CIDRs" });
    expect((await prisma.accessRequest.findUniqueOrThrow({ where: { id: blocked.id } })).status).toBe("REJECTED");
  });

  it("lets the requester's team cancel while submitted, and not after", async () => {
    const alice = person("alice");
    const erin = person("erin");
    const request = await fileRequest(alice);
    await transitionRequest({ requestId: request.id, action: "cancel", actor: actor(erin), auditActor: auditActor(erin) });
    await expect(
      transitionRequest({ requestId: request.id, action: "cancel", actor: actor(alice), auditActor: auditActor(alice) }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
