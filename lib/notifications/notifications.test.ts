import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { deletePolicy, savePolicy } from "@/lib/db/approval-policies/manage-policies";
import { asJson } from "@/lib/db/as-json";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/prisma-factory";
import { createAccessRequest, type Requester } from "@/lib/db/requests/create-request";
import { transitionRequest } from "@/lib/db/requests/transition-request";
import { startSeededTestDatabase } from "@/lib/db/testing/seeded-test-database";
import { policyFormSchema } from "@/lib/domain/approval-policy";
import type { LifecycleAction } from "@/lib/domain/lifecycle";
import { planConnection } from "@/lib/domain/plan/plan-connection";
import { vpcInput } from "@/lib/domain/plan/test-fixtures";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

import { deliverDueNotifications } from "./deliver-due";
import { mailSettings } from "@/lib/config/mail-settings";
import { notify } from "@/lib/db/notifications/notify";
import { closeMailTransports } from "./send-email";
import { startHttpReceiver } from "./testing/http-receiver";
import { startSmtpReceiver } from "./testing/smtp-receiver";
import { verifyWebhookSignature } from "./webhook-signature";

const BASE_URL = "https://portal.example.test";
let prisma: PrismaClient;
let database: Awaited<ReturnType<typeof startSeededTestDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
const people = new Map<string, Requester>();

beforeAll(async () => {
  // The configuration is read once per test file: e-mail must be set up before the database is.
  smtp = await startSmtpReceiver();
  Object.assign(process.env, { SMTP_URL: smtp.url, MAIL_FROM: "MSK portal <portal@example.test>", AUTH_URL: BASE_URL });
  database = await startSeededTestDatabase();
  prisma = database.prisma;
  for (const u of await prisma.user.findMany({ include: { memberships: true } })) {
    people.set(u.email.split("@")[0] ?? u.email, { id: u.id, email: u.email, roles: u.roles, teamIds: u.memberships.map((m) => m.teamId) });
  }
});
afterAll(async () => {
  closeMailTransports();
  await database?.drop();
  await smtp?.close();
});

const person = (name: string): Requester => {
  const p = people.get(name);
  if (!p) throw new Error(`no demo user ${name}`);
  return p;
};

// With `withPlan` the plan is stored as the request is filed (the approval policy is applied to it then);
// otherwise it is added afterwards, and no policy applies.
async function file(name = "alice", options: { withPlan?: boolean } = {}) {
  const plan = () => ({ computedAt: new Date().toISOString(), plan: planConnection(vpcInput({})) });
  const request = await createAccessRequest(person(name), {
    clusterArn: DEMO_CLUSTERS[0]?.arn ?? "",
    client: { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] },
    authModes: ["iam"],
    environment: "dev",
    justification: "Payments consumer reads the orders topic",
  }, { fileAnyway: true, ...(options.withPlan ? { plan: () => Promise.resolve(plan()) } : {}) });
  // Planning needs AWS; approving needs only a stored plan.
  if (!options.withPlan) await prisma.accessRequest.update({ where: { id: request.id }, data: { plan: asJson(plan()) } });
  return request;
}

function act(name: string, requestId: string, action: LifecycleAction, comment?: string) {
  const p = person(name);
  return transitionRequest({ requestId, action, actor: { kind: "user", ...p, userId: p.id }, auditActor: { kind: "user", userId: p.id, label: p.email }, comment });
}

const inbox = (name: string, requestId: string) =>
  prisma.notification.findMany({ where: { userId: person(name).id, requestId }, orderBy: { createdAt: "asc" } });
const drain = (now?: Date) => deliverDueNotifications({ prisma, mail: mailSettings(), baseUrl: BASE_URL, now: now ? () => now : undefined });

describe("in-app notifications", () => {
  it("tells the team a request was filed and the approvers that it waits for them, never the requester", async () => {
    const request = await file("alice");
    expect((await inbox("alice", request.id)).map((n) => n.type)).toEqual([]);
    // erin is in payments and an admin: she hears both.
    expect((await inbox("erin", request.id)).map((n) => n.type).sort()).toEqual(["request.awaiting-approval", "request.filed"]);
    expect((await inbox("bob", request.id)).map((n) => n.type)).toEqual(["request.awaiting-approval"]);
    expect(await inbox("carol", request.id)).toEqual([]);
    expect((await inbox("bob", request.id))[0]?.title).toMatch(/^Request #\d+ \(orders-prod, dev\) is waiting for your approval$/);
  });

  it("tells the requester and their team about a decision, not the person who made it", async () => {
    const request = await file("alice");
    await act("bob", request.id, "approve", "Looks right");
    expect((await inbox("alice", request.id)).map((n) => n.title)).toEqual([expect.stringMatching(/was approved by Bob/)]);
    expect((await inbox("bob", request.id)).map((n) => n.type)).toEqual(["request.awaiting-approval"]);
  });

  it("asks only the people an approval policy would count: a request the policy decides by itself waits for nobody", async () => {
    const erin = person("erin");
    const { id } = await savePolicy(
      { kind: "user", userId: erin.id, label: erin.email },
      policyFormSchema.parse({ name: "Dev requests approve themselves", match: { environments: ["dev"] }, outcome: { kind: "auto-approve" }, requireEndDate: false, maxDurationDays: null }),
    );
    try {
      const request = await file("alice", { withPlan: true });
      expect((await prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).approvalPolicy).toMatchObject({ policyId: id });
      for (const name of ["bob", "erin"]) expect((await inbox(name, request.id)).map((n) => n.type)).not.toContain("request.awaiting-approval");
      // Its team still hears that it was filed.
      expect((await inbox("erin", request.id)).map((n) => n.type)).toEqual(["request.filed"]);
    } finally {
      await deletePolicy({ kind: "user", userId: erin.id, label: erin.email }, id);
    }
  });

  it("writes nothing when the transaction that notifies rolls back", async () => {
    const request = await file("alice");
    const before = await prisma.notification.count();
    const deliveriesBefore = await prisma.notificationDelivery.count();
    await expect(
      db().$transaction(async (tx) => {
        await notify(tx, { type: "request.rejected", requestId: request.id, actorId: person("bob").id });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.notification.count()).toBe(before);
    expect(await prisma.notificationDelivery.count()).toBe(deliveriesBefore);
  });

  it("follows each person's choice of channels", async () => {
    await prisma.notificationPreference.create({ data: { userId: person("bob").id, eventType: "request.awaiting-approval", inApp: false, email: false } });
    const request = await file("alice");
    expect(await inbox("bob", request.id)).toEqual([]);
    expect(await prisma.notificationDelivery.count({ where: { requestId: request.id, userId: person("bob").id } })).toBe(0);
    // erin kept the defaults: in the portal and by e-mail.
    expect(await prisma.notificationDelivery.count({ where: { requestId: request.id, userId: person("erin").id, eventType: "request.awaiting-approval" } })).toBe(1);
    await prisma.notificationPreference.deleteMany({ where: { userId: person("bob").id } });
  });
});

describe("e-mail", () => {
  it("sends through SMTP: the subject, the recipient and the link to the request", async () => {
    await drain();
    smtp.messages.length = 0;
    const request = await file("alice");
    await act("bob", request.id, "reject", "Use the shared VPC instead");
    const result = await drain();
    expect(result.retrying + result.failed).toBe(0);
    const toAlice = smtp.messages.filter((m) => m.to.includes("alice@example.com"));
    expect(toAlice.map((m) => m.subject)).toEqual([expect.stringMatching(/^Request #\d+ \(orders-prod, dev\) was rejected by Bob Approver$/)]);
    expect(toAlice[0]?.text).toContain(`${BASE_URL}/requests/${request.id}`);
    expect(toAlice[0]?.raw).toMatch(/^From: MSK portal <portal@example\.test>/m);
    // Filing is in-app only by default; waiting for approval reaches bob by e-mail.
    expect(smtp.messages.filter((m) => m.to.includes("bob@example.com")).map((m) => m.subject)).toEqual([expect.stringMatching(/waiting for your approval/)]);
    const rows = await prisma.notificationDelivery.findMany({ where: { requestId: request.id, channel: "email" } });
    expect(rows.every((r) => r.status === "delivered" && r.attempts === 1)).toBe(true);
  });
});

describe("webhooks", () => {
  it("signs the generic JSON body, retries after a 500 and keeps the log", async () => {
    const receiver = await startHttpReceiver([500, 200]);
    const secret = "a-webhook-secret-of-some-length";
    const hook = await prisma.webhook.create({ data: { name: "ops", url: receiver.url, format: "generic", events: ["request.approved"], secret } });
    try {
      await drain();
      const request = await file("alice");
      await act("bob", request.id, "approve");
      const start = new Date();
      // The e-mails of the same events go out alongside; the webhook call alone fails.
      expect(await drain(start)).toMatchObject({ retrying: 1, failed: 0 });
      const failing = await prisma.notificationDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
      expect(failing).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 500: receiver is down" });
      expect(failing.nextAttemptAt.getTime()).toBe(start.getTime() + 30_000);
      // Not due yet: nothing is sent before the backoff has passed.
      expect(await drain(new Date(start.getTime() + 10_000))).toMatchObject({ delivered: 0, retrying: 0 });
      expect(await drain(new Date(start.getTime() + 31_000))).toMatchObject({ delivered: 1 });
      expect(await prisma.notificationDelivery.findFirstOrThrow({ where: { webhookId: hook.id } })).toMatchObject({ status: "delivered", attempts: 2, lastError: null });

      expect(receiver.calls).toHaveLength(2);
      const call = receiver.calls[1];
      if (!call) throw new Error("no call");
      const signature = String(call.headers["x-portal-signature"]);
      const sentAt = Number(/t=(\d+)/.exec(signature)?.[1]);
      expect(verifyWebhookSignature(secret, call.body, signature, sentAt + 10)).toBe(true);
      expect(verifyWebhookSignature("another secret", call.body, signature, sentAt)).toBe(false);
      expect(verifyWebhookSignature(secret, call.body.replace("approved", "rejected"), signature, sentAt)).toBe(false);
      // Outside the replay window the same request is refused.
      expect(verifyWebhookSignature(secret, call.body, signature, sentAt + 301)).toBe(false);
      const body = JSON.parse(call.body) as Record<string, unknown>;
      expect(body).toMatchObject({
        version: 1,
        type: "request.approved",
        url: `${BASE_URL}/requests/${request.id}`,
        request: { id: request.id, status: "APPROVED", cluster: { name: "orders-prod" }, team: { slug: "payments" } },
        actor: { email: "bob@example.com" },
      });
      expect(call.headers["x-portal-event"]).toBe("request.approved");
      expect(call.headers["x-portal-delivery"]).toBe(body.id);
    } finally {
      await prisma.webhook.update({ where: { id: hook.id }, data: { enabled: false } });
      await receiver.close();
    }
  });

  it("sends Slack and Teams messages in the shapes their incoming webhooks accept", async () => {
    const receiver = await startHttpReceiver([200]);
    const events = ["request.rejected"];
    const slack = await prisma.webhook.create({ data: { name: "slack", url: `${receiver.url}/slack`, format: "slack", events, secret: "s".repeat(24) } });
    const teams = await prisma.webhook.create({ data: { name: "teams", url: `${receiver.url}/teams`, format: "teams", events, secret: "t".repeat(24) } });
    try {
      await drain();
      const request = await file("alice");
      await act("bob", request.id, "reject", "Wrong VPC");
      expect(await drain()).toMatchObject({ delivered: expect.any(Number), retrying: 0, failed: 0 });
      const bodies = receiver.calls.map((c) => JSON.parse(c.body) as Record<string, unknown>);
      const slackBody = bodies.find((b) => "blocks" in b);
      expect(slackBody).toMatchObject({ text: expect.stringContaining(`${BASE_URL}/requests/${request.id}`) });
      expect(slackBody?.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ type: "section" })]));
      const teamsBody = bodies.find((b) => b["@type"] === "MessageCard");
      expect(teamsBody).toMatchObject({
        "@context": "https://schema.org/extensions",
        title: expect.stringMatching(/was rejected by Bob/),
        potentialAction: [{ "@type": "OpenUri", targets: [{ os: "default", uri: `${BASE_URL}/requests/${request.id}` }] }],
      });
    } finally {
      await prisma.webhook.updateMany({ where: { id: { in: [slack.id, teams.id] } }, data: { enabled: false } });
      await receiver.close();
    }
  });
});
