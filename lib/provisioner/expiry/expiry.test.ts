import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { deletePolicy, savePolicy } from "@/lib/db/approval-policies/manage-policies";
import { askForExtension } from "@/lib/db/expiry/ask-for-extension";
import { decideExtension } from "@/lib/db/expiry/decide-extension";
import { policyFormSchema } from "@/lib/domain/approval-policy";
import { formatEndDate, parseEndDate } from "@/lib/domain/expiry/end-date";
import type { ClientLocation, RequestInput } from "@/lib/domain/request-input";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";
import { ExpectedError } from "@/lib/errors/expected-error";

import { fileRequest } from "../plan-requests";
import { startProvisioningHarness, type ProvisioningHarness } from "../testing/provisioning-harness";
import { runExpirySweep } from "./run-expiry-sweep";

const DAY = 24 * 60 * 60 * 1000;
const SAME_VPC: ClientLocation = { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000001", securityGroupIds: ["sg-0aaa0000000000002"] };

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h?.close());

const inDays = (days: number) => formatEndDate(new Date(Date.now() + days * DAY));
const at = (endsAt: Date, offsetMs: number) => new Date(endsAt.getTime() + offsetMs);

// Every test files for the same client; "file anyway" keeps the duplicate check out of what is tested here.
const fileFor = (endsAt: string) => {
  const input: RequestInput = { clusterArn: DEMO_CLUSTERS[0]?.arn ?? "", client: SAME_VPC, authModes: ["iam"], environment: "dev", justification: "Expiry test of the whole connection", endsAt };
  return fileRequest(h.person("alice"), input, { via: "api", fileAnyway: true });
};

async function fileEnding(days: number) {
  const request = await fileFor(inDays(days));
  const stored = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
  if (!stored.endsAt) throw new Error("filed without its end date");
  return { id: request.id, endsAt: stored.endsAt };
}

/** A sweep at `now` whose enqueued ids are returned with its counts. */
async function sweep(now: Date) {
  const enqueued: string[] = [];
  const done = await runExpirySweep({ now, enqueue: (id) => Promise.resolve(void enqueued.push(id)) });
  return { ...done, enqueued };
}

const auditOf = (requestId: string, action: string) => h.prisma.auditEvent.findMany({ where: { requestId, action }, orderBy: { id: "asc" } });

async function refusal(run: () => Promise<unknown>): Promise<ExpectedError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ExpectedError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("filing with an end date", () => {
  it("stores it and puts it in the submit event", async () => {
    const { id, endsAt } = await fileEnding(10);
    expect(formatEndDate(endsAt)).toBe(inDays(10));
    const [submit] = await auditOf(id, "request.submit");
    expect(submit?.details).toMatchObject({ endsAt: endsAt.toISOString() });
  });

  it.each([
    ["a past day", inDays(-1), /in the future/],
    ["a day beyond the horizon", inDays(400), /within 365 days/],
  ])("refuses %s at the end-date field and stores nothing", async (_label, endsAt, message) => {
    const before = await h.prisma.accessRequest.count();
    const error = await refusal(() => fileFor(endsAt));
    expect(error.fieldErrors?.endsAt?.[0]).toMatch(message);
    expect(await h.prisma.accessRequest.count()).toBe(before);
  });
});

describe("reminders", () => {
  it("go out 7 days and 1 day before, each once, audited as the expiry and notified", async () => {
    const { id, endsAt } = await fileEnding(10);
    // How many reminders this request has had after a sweep at `now`.
    const after = async (now: Date) => {
      await sweep(now);
      return (await auditOf(id, "request.expiry-reminder")).length;
    };
    expect(await after(at(endsAt, -8 * DAY))).toBe(0);
    expect(await after(at(endsAt, -7 * DAY + 60_000))).toBe(1);
    expect(await after(at(endsAt, -7 * DAY + 120_000))).toBe(1);
    expect(await after(at(endsAt, -3 * DAY))).toBe(1);
    expect(await after(at(endsAt, -DAY + 60_000))).toBe(2);
    expect(await after(at(endsAt, -DAY + 120_000))).toBe(2);

    const reminders = await auditOf(id, "request.expiry-reminder");
    expect(reminders.map((e) => [e.actorLabel, (e.details as { daysBefore: number }).daysBefore])).toEqual([
      ["expiry", 7],
      ["expiry", 1],
    ]);
    const kinds = await h.prisma.requestExpiryEvent.findMany({ where: { requestId: id }, select: { kind: true } });
    expect(kinds.map((k) => k.kind).sort()).toEqual(["REMINDER_1_DAY", "REMINDER_7_DAYS"]);
    const notified = await h.prisma.notification.findMany({ where: { requestId: id, type: "request.expiring-soon" } });
    expect(notified.length).toBeGreaterThan(0);
  });
});

describe("at the end date", () => {
  it("an ACTIVE connection is decommissioned through the usual teardown, audited as done by the expiry", async () => {
    const { id, endsAt } = await fileEnding(3);
    await h.act("bob", id, "approve");
    await h.run(id);
    expect(await h.status(id)).toBe("ACTIVE");

    expect((await sweep(at(endsAt, -60_000))).enqueued).not.toContain(id);
    const due = await sweep(at(endsAt, 60_000));
    expect(due.enqueued).toContain(id);
    expect(await h.status(id)).toBe("DECOMMISSIONING");
    const [event] = await auditOf(id, "request.decommission");
    expect(event).toMatchObject({ actorLabel: "expiry", actorId: null, details: { from: "ACTIVE", to: "DECOMMISSIONING", endsAt: endsAt.toISOString() } });

    await h.run(id);
    expect(await h.status(id)).toBe("DECOMMISSIONED");
    const steps = await h.prisma.planStep.findMany({ where: { requestId: id }, select: { status: true } });
    expect(steps.every((s) => s.status === "UNDONE" || s.status === "SKIPPED")).toBe(true);
    expect((await sweep(at(endsAt, 2 * 60_000))).enqueued).not.toContain(id);
    expect(await auditOf(id, "request.decommission")).toHaveLength(1);
  });

  it("a request that is not ACTIVE is held, said once, and decommissioned if it becomes ACTIVE later", async () => {
    const { id, endsAt } = await fileEnding(2);
    await h.prisma.accessRequest.update({ where: { id }, data: { status: "FAILED", failedDuring: "PROVISIONING" } });
    await sweep(at(endsAt, 60_000));
    await sweep(at(endsAt, 120_000));
    expect(await h.status(id)).toBe("FAILED");
    const held = await auditOf(id, "request.expiry-held");
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ actorLabel: "expiry", details: { status: "FAILED", reason: expect.stringContaining("nothing was removed") } });

    // An operator's retry finished the connection after its end date: the next sweep removes it.
    await h.prisma.accessRequest.update({ where: { id }, data: { status: "ACTIVE", failedDuring: null } });
    expect((await sweep(at(endsAt, 180_000))).enqueued).toContain(id);
    expect(await h.status(id)).toBe("DECOMMISSIONING");
  });

  it("a request that is cancelled before its end date is left alone", async () => {
    const { id, endsAt } = await fileEnding(2);
    await h.act("alice", id, "cancel");
    expect((await sweep(at(endsAt, 60_000))).enqueued).not.toContain(id);
    expect(await h.prisma.requestExpiryEvent.count({ where: { requestId: id } })).toBe(0);
  });
});

describe("extensions", () => {
  const asUser = (name: string) => ({ ...h.person(name) });

  it("the team asks, an approver who did not ask decides, the end date moves and reminders start again", async () => {
    const { id, endsAt } = await fileEnding(5);
    await h.prisma.accessRequest.update({ where: { id }, data: { status: "ACTIVE" } });
    const to = inDays(30);

    expect((await refusal(() => askForExtension(asUser("carol"), { requestId: id, toEndsAt: to, reason: "Needed for the migration" }))).code).toBe("not-found");
    const tooEarly = await refusal(() => askForExtension(asUser("alice"), { requestId: id, toEndsAt: inDays(4), reason: "Needed for the migration" }));
    expect(tooEarly.fieldErrors?.toEndsAt?.[0]).toMatch(/after the current end date/);
    expect(await h.prisma.requestExtension.count({ where: { requestId: id } })).toBe(0);

    const extension = await askForExtension(asUser("erin"), { requestId: id, toEndsAt: to, reason: "The migration runs a month longer" });
    expect((await refusal(() => askForExtension(asUser("alice"), { requestId: id, toEndsAt: to, reason: "Asking a second time" }))).message).toMatch(/already waiting/);
    const decide = (name: string) => decideExtension(asUser(name), { requestId: id, extensionId: extension.id, decision: "approve", comment: "" });
    expect((await refusal(() => decide("alice"))).code).toBe("forbidden");
    // erin is an administrator, so an approver, but asked for it: separation of duties.
    expect((await refusal(() => decide("erin"))).message).toMatch(/someone else must decide/);
    await decide("bob");

    const stored = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id }, include: { extensions: true } });
    expect(stored.endsAt?.toISOString()).toBe(parseEndDate(to).toISOString());
    expect(stored.extensions).toMatchObject([{ status: "APPROVED", reason: "The migration runs a month longer" }]);
    const events = await h.prisma.auditEvent.findMany({ where: { requestId: id, action: { startsWith: "request.extension-" } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorLabel])).toEqual([
      ["request.extension-asked", "erin@example.com"],
      ["request.extension-approved", "bob@example.com"],
    ]);
    expect(await h.prisma.notification.count({ where: { requestId: id, type: "request.extended" } })).toBeGreaterThan(0);

    // The old end date passes without a teardown; the new one gets its own reminders.
    expect((await sweep(at(endsAt, 60_000))).enqueued).not.toContain(id);
    expect(await h.status(id)).toBe("ACTIVE");
    const newEnd = parseEndDate(to);
    await sweep(at(newEnd, -7 * DAY + 60_000));
    const reminded = await h.prisma.requestExpiryEvent.findMany({ where: { requestId: id, endsAt: newEnd } });
    expect(reminded.map((r) => r.kind)).toEqual(["REMINDER_7_DAYS"]);
  });

  it("a rejection needs no date check, keeps the end date and is audited with its comment", async () => {
    const { id, endsAt } = await fileEnding(5);
    const extension = await askForExtension(asUser("alice"), { requestId: id, toEndsAt: inDays(20), reason: "Still needed for reporting" });
    await decideExtension(asUser("bob"), { requestId: id, extensionId: extension.id, decision: "reject", comment: "Move to the shared hub" });
    const stored = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id } });
    expect(stored.endsAt?.toISOString()).toBe(endsAt.toISOString());
    const [rejected] = await auditOf(id, "request.extension-rejected");
    expect(rejected?.details).toMatchObject({ comment: "Move to the shared hub" });
    // Decided: a second decision finds nothing waiting.
    expect((await refusal(() => decideExtension(asUser("bob"), { requestId: id, extensionId: extension.id, decision: "approve", comment: "" }))).code).toBe("conflict");
  });
});

describe("extensions under the approval policies, as for a new request", () => {
  const asUser = (name: string) => ({ ...h.person(name) });
  const erin = () => ({ kind: "user" as const, userId: h.person("erin").id, label: "erin@example.com" });
  const CLUSTER = DEMO_CLUSTERS[0]?.arn ?? "";

  /** Files a live request under the default policy, then puts `policy` first for the extension. */
  async function underPolicy(policy: { name: string; outcome: unknown }, run: (id: string, endsAt: Date) => Promise<void>) {
    const { id, endsAt } = await fileEnding(5);
    await h.prisma.accessRequest.update({ where: { id }, data: { status: "ACTIVE" } });
    const form = policyFormSchema.parse({ ...policy, match: { environments: ["dev"], clusterArns: [CLUSTER] }, requireEndDate: false, maxDurationDays: null });
    const { id: policyId } = await savePolicy(erin(), form);
    try {
      await run(id, endsAt);
    } finally {
      await deletePolicy(erin(), policyId);
    }
  }
  const actors = async (id: string) =>
    (await h.prisma.auditEvent.findMany({ where: { requestId: id, action: { startsWith: "request.extension-" } }, orderBy: { id: "asc" } })).map((e) => [e.action, e.actorLabel]);

  it("a policy that approves by itself extends at once, named in the audit, and the asker hears of it", async () => {
    await underPolicy({ name: "Dev extensions approve themselves", outcome: { kind: "auto-approve" } }, async (id) => {
      const to = inDays(40);
      const since = new Date();
      const outcome = await askForExtension(asUser("alice"), { requestId: id, toEndsAt: to, reason: "The pilot runs another month" });
      expect(outcome).toMatchObject({ status: "APPROVED", says: expect.stringContaining("Dev extensions approve themselves") });
      const stored = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id }, include: { extensions: true } });
      expect(stored.endsAt?.toISOString()).toBe(parseEndDate(to).toISOString());
      expect(stored.extensions).toMatchObject([{ status: "APPROVED", decidedById: null, decisionComment: expect.stringContaining("Dev extensions approve themselves") }]);
      expect(await actors(id)).toEqual([
        ["request.extension-asked", "alice@example.com"],
        ["request.extension-approved", "approval policy"],
      ]);
      const [asked] = await auditOf(id, "request.extension-asked");
      expect(asked?.details).toMatchObject({ policy: "Dev extensions approve themselves", outcome: { kind: "auto-approve" } });
      expect(await h.prisma.notification.count({ where: { requestId: id, type: "request.extended", userId: h.person("alice").id } })).toBe(1);
      expect(await h.prisma.notification.count({ where: { requestId: id, type: "request.awaiting-approval", createdAt: { gte: since } } })).toBe(0);
    });
  });

  it("a policy that rejects refuses the extension with its reason and keeps the end date", async () => {
    await underPolicy({ name: "No dev extensions", outcome: { kind: "reject", reason: "Dev connections are re-filed, not extended" } }, async (id, endsAt) => {
      const outcome = await askForExtension(asUser("alice"), { requestId: id, toEndsAt: inDays(40), reason: "The pilot runs another month" });
      expect(outcome).toMatchObject({ status: "REJECTED", says: expect.stringContaining("Dev connections are re-filed, not extended") });
      const stored = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id }, include: { extensions: true } });
      expect(stored.endsAt?.toISOString()).toBe(endsAt.toISOString());
      expect(stored.extensions).toMatchObject([{ status: "REJECTED", decisionComment: "Dev connections are re-filed, not extended" }]);
      expect(await actors(id)).toEqual([
        ["request.extension-asked", "alice@example.com"],
        ["request.extension-rejected", "approval policy"],
      ]);
      // Nothing waits, so the team may ask again (a later policy may say otherwise).
      expect((await h.prisma.requestExtension.findMany({ where: { requestId: id, status: "PENDING" } })).length).toBe(0);
    });
  });

  it("two approvals, one from platform-network: each counted once, the team's place kept, the date moves with the last", async () => {
    const outcome = { kind: "approvals", count: 2, fromClusterOwner: false };
    const team = await h.prisma.team.findUniqueOrThrow({ where: { slug: "platform-network" } });
    await underPolicy({ name: "Dev extensions need platform-network", outcome: { ...outcome, fromTeam: team.id } }, async (id, endsAt) => {
      const to = inDays(40);
      const since = new Date();
      const asked = await askForExtension(asUser("alice"), { requestId: id, toEndsAt: to, reason: "The pilot runs another month" });
      expect(asked.status).toBe("PENDING");
      const approve = (who: { id: string; email: string; roles: readonly string[]; teamIds: readonly string[] }) =>
        decideExtension(who as ReturnType<typeof asUser>, { requestId: id, extensionId: asked.id, decision: "approve", comment: "" });
      // Only approvers the policy would count are told: both erin and bob may, the asker never.
      const told = await h.prisma.notification.findMany({ where: { requestId: id, type: "request.awaiting-approval", createdAt: { gte: since } }, select: { userId: true } });
      expect(told.map((n) => n.userId).sort()).toEqual([h.person("bob").id, h.person("erin").id].sort());

      expect(await approve(asUser("erin"))).toEqual({ status: "PENDING", says: "Your approval is recorded: 1 of 2 approvals; needs one from platform-network." });
      expect((await refusal(() => approve(asUser("erin")))).message).toMatch(/already approved this extension/);
      const yann = await h.prisma.user.create({ data: { email: "yann@example.com", name: "Yann Approver", roles: ["approver"] } });
      expect((await refusal(() => approve({ ...yann, teamIds: [] }))).message).toMatch(/still needs one from platform-network/);
      expect((await h.prisma.accessRequest.findUniqueOrThrow({ where: { id } })).endsAt?.toISOString()).toBe(endsAt.toISOString());

      expect((await approve(asUser("bob"))).status).toBe("APPROVED");
      const stored = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id } });
      expect(stored.endsAt?.toISOString()).toBe(parseEndDate(to).toISOString());
      expect(await actors(id)).toEqual([
        ["request.extension-asked", "alice@example.com"],
        ["request.extension-approval-recorded", "erin@example.com"],
        ["request.extension-approved", "bob@example.com"],
      ]);
      const [approved] = await auditOf(id, "request.extension-approved");
      expect(approved?.details).toMatchObject({ policy: "Dev extensions need platform-network", approvedBy: "erin@example.com, bob@example.com", progress: "2 of 2 approvals: nothing more needed" });
    });
  });

  it("one from the cluster's owner team, named by an admin only after the extension was asked: met once it is set", async () => {
    const cluster = await h.prisma.cluster.findFirstOrThrow({ where: { arn: CLUSTER } });
    await h.prisma.cluster.update({ where: { id: cluster.id }, data: { ownerTeamId: null } });
    const outcome = { kind: "approvals", count: 1, fromClusterOwner: true };
    try {
      await underPolicy({ name: "Dev extensions need the owner", outcome }, async (id) => {
        const asked = await askForExtension(asUser("alice"), { requestId: id, toEndsAt: inDays(40), reason: "The pilot runs another month" });
        expect(asked.status).toBe("PENDING");
        const approve = () => decideExtension(asUser("bob"), { requestId: id, extensionId: asked.id, decision: "approve", comment: "" });
        expect((await refusal(approve)).message).toMatch(/none is set/);
        const team = await h.prisma.team.findUniqueOrThrow({ where: { slug: "platform-network" } });
        await h.prisma.cluster.update({ where: { id: cluster.id }, data: { ownerTeamId: team.id } });
        expect((await approve()).status).toBe("APPROVED");
      });
    } finally {
      await h.prisma.cluster.update({ where: { id: cluster.id }, data: { ownerTeamId: cluster.ownerTeamId } });
    }
  });
});
