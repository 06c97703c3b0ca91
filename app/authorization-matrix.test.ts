import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { snapshot } from "@/lib/aws/steps/testing/sandbox-state";
import { openSession } from "@/lib/db/sessions/open-session";
import { createToken } from "@/lib/db/tokens/create-token";
import type { RequestStatus } from "@/lib/domain/lifecycle";
import type { ClientLocation } from "@/lib/domain/request-input";
import { DEMO_CLUSTERS, DEMO_PLATFORM_SETTINGS } from "@/prisma/seed/demo-data";
import { fileRequest } from "@/lib/provisioner/plan-requests";
import { startProvisioningHarness, type ProvisioningHarness } from "@/lib/provisioner/testing/provisioning-harness";

import { isApprovalSetup, prepareApprovalFixture, type ApprovalSetup } from "./testing/approval-fixtures";
import { actionOutcome, form, orRedirect, PERSONAS, responseOutcome, type Outcome, type Persona } from "./testing/matrix-calls";
import { isNotificationSetup, prepareNotificationFixture, type NotificationSetup } from "./testing/notification-fixtures";
import { databaseFingerprint } from "./testing/portal-state";

// The session is the one part replaced: Auth.js reads it from a signed cookie that only exists inside a Next
// request. Everything from the session's user id on (loading the user, the policy, the handlers) is real.
// The session row it names is real: revoked, expired or a deactivated person's session is refused by the portal.
const session = vi.hoisted(() => ({ userId: null as string | null, sessionId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({
  auth: () => Promise.resolve(session.userId ? { user: { id: session.userId }, sessionId: session.sessionId } : null),
  signIn: () => Promise.resolve(undefined),
  signOut: () => Promise.resolve(undefined),
  handlers: { GET: () => Promise.resolve(new Response(null)), POST: () => Promise.resolve(new Response(null)) },
}));
// The sign-in actions are listed below as public; loading them needs only next-auth's error class.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
// Outside a Next request there is no page cache to revalidate.
vi.mock("next/cache", async (original) => ({
  ...(await original<typeof import("next/cache")>()),
  revalidatePath: () => undefined,
}));

const requestActions = await import("./requests/[id]/actions");
const { submitRequest } = await import("./requests/new/actions");
const { refreshCatalogAction } = await import("./catalog/actions");
const admin = await import("./admin/actions");
const clusterActions = await import("./_shared/client-vpc-connection/actions");
const decisionActions = await import("./_shared/decision/actions");
const extensionActions = await import("./_shared/extension/actions");
const tokens = await import("./tokens/actions");
const people = await import("./admin/people/actions");
const notificationActions = await import("./notifications/actions");
const webhookActions = await import("./admin/webhooks/actions");
const policyActions = await import("./admin/policies/actions");
const freezeActions = await import("./admin/freezes/actions");
const clusterOwnerActions = await import("./admin/cluster-owner/actions");
const freezeOverrideActions = await import("./_shared/freeze-override/actions");
const requestsApi = await import("./api/v1/requests/route");
const requestApi = await import("./api/v1/requests/[id]/route");
const auditApi = await import("./api/v1/audit/route");
const clientCheckScriptApi = await import("./api/v1/client-checks/script/route");
const clientCheckReportApi = await import("./api/v1/client-checks/report/route");
const auditExport = await import("./audit/export/route");
const clusterConnectionsCsv = await import("./catalog/clusters/[id]/connections.csv/route");
const clusterAccessCsv = await import("./catalog/clusters/[id]/access.csv/route");
const transitionApi = {
  approve: await import("./api/v1/requests/[id]/approve/route"),
  reject: await import("./api/v1/requests/[id]/reject/route"),
  cancel: await import("./api/v1/requests/[id]/cancel/route"),
  retry: await import("./api/v1/requests/[id]/retry/route"),
  rollback: await import("./api/v1/requests/[id]/rollback/route"),
  decommission: await import("./api/v1/requests/[id]/decommission/route"),
  reapply: await import("./api/v1/requests/[id]/reapply/route"),
};
const replanApi = await import("./api/v1/requests/[id]/replan/route");
const driftCheckApi = await import("./api/v1/requests/[id]/drift-check/route");

let h: ProvisioningHarness;
const bearer = new Map<Persona, string>();
const sessions = new Map<Persona, string>();
const users = new Map<Persona, { id: string; email: string }>();
const who = (persona: Persona) => {
  const user = users.get(persona);
  if (!user) throw new Error(`${persona} has no user`);
  return user;
};
beforeAll(async () => {
  h = await startProvisioningHarness();
  const payments = await h.prisma.team.findUniqueOrThrow({ where: { slug: "payments" } });
  // An administrator of the filing team: whatever they are refused, deactivation alone refused it.
  const deactivated = await h.prisma.user.create({
    data: { email: "frank@example.com", name: "Frank Deactivated", roles: ["admin"], memberships: { create: [{ teamId: payments.id }] } },
  });
  for (const persona of PERSONAS.filter((p) => p !== "anonymous")) {
    users.set(persona, persona === "deactivated" ? deactivated : h.person(persona === "read-token" ? "erin" : persona));
  }
  for (const persona of PERSONAS.filter((p) => p !== "anonymous")) {
    const scope = persona === "read-token" ? "read" : "write";
    bearer.set(persona, (await createToken(h.prisma, who(persona), "authorization matrix", { scope })).token);
    if (persona !== "read-token") sessions.set(persona, (await openSession(h.prisma, who(persona).id, 12)).id);
  }
  // Set directly, not through deactivatePerson, so its session and token are still live rows: the check at
  // every use is what must refuse them.
  await h.prisma.user.update({ where: { id: deactivated.id }, data: { deactivatedAt: new Date() } });
});
afterAll(async () => {
  const queue = (globalThis as { portalQueue?: Promise<{ stop(): Promise<void> }> }).portalQueue;
  await (await queue)?.stop();
  await h?.close();
});

// itemId: the notification, webhook or delivery a notification row acts on.
type Fixture = { requestId: string; version: number; tokenId: string; userId: string; itemId?: string };
type Setup = "none" | RequestStatus | "drifted" | "alice-token" | "spare-person" | "spare-account" | "deactivated-person" | "extendable" | "extension-pending" | NotificationSetup | ApprovalSetup;
const CLIENT = {
  type: "aws-vpc",
  accountId: "111111111111",
  region: "us-east-1",
  vpcId: "vpc-0aaa0000000000002",
  securityGroupIds: ["sg-0aaa0000000000011"],
} satisfies ClientLocation;

// A request filed by alice for payments. Statuses past SUBMITTED are set directly: the matrix is about who may
// act on a request in that status, and provisioning each one through AWS would only make it slower.
async function prepare(setup: Setup): Promise<Fixture> {
  const fixture = { requestId: "none", version: 0, tokenId: "none", userId: "none" };
  if (setup === "none") return fixture;
  if (setup === "alice-token") {
    const made = await createToken(h.prisma, h.person("alice"), "alice's pipeline");
    return { ...fixture, tokenId: made.id };
  }
  if (setup === "spare-account") {
    await h.prisma.awsAccount.upsert({
      where: { id: "555555555555" },
      create: { id: "555555555555", name: "Spare account", kind: "APPLICATION", roleArn: "arn:aws:iam::555555555555:role/MskConnectivityPortal", regions: ["us-east-1"] },
      update: {},
    });
    return fixture;
  }
  if (setup === "spare-person" || setup === "deactivated-person") {
    const email = `spare-${randomUUID()}@example.com`;
    const deactivatedAt = setup === "deactivated-person" ? new Date() : null;
    const spare = await h.prisma.user.create({ data: { email, name: email, roles: ["requester"], deactivatedAt } });
    return { ...fixture, userId: spare.id };
  }
  if (setup === "extendable" || setup === "extension-pending") return prepareExtendable(fixture, setup === "extension-pending");
  if (isApprovalSetup(setup)) return { ...fixture, itemId: await prepareApprovalFixture(h.prisma, setup) };
  if (isNotificationSetup(setup)) {
    const filed = (await h.prisma.accessRequest.findFirst({ orderBy: { createdAt: "asc" } })) ?? (await h.file("alice", CLIENT));
    return { ...fixture, requestId: filed.id, itemId: await prepareNotificationFixture(h.prisma, setup, filed.id) };
  }
  const filed = await h.file("alice", CLIENT);
  if (setup === "drifted") {
    // Active, and its last check found one of its own steps altered: what re-applying is for.
    const drift = [{ step: "create-route:rtb-0aaa0000000000011:10.0.0.0/16", summary: "add a route", problem: "the route is gone" }];
    const saved = await h.prisma.accessRequest.update({ where: { id: filed.id }, data: { status: "ACTIVE", drift } });
    return { ...fixture, requestId: saved.id, version: saved.version };
  }
  const saved = await h.prisma.accessRequest.update({ where: { id: filed.id }, data: { status: setup } });
  return { ...fixture, requestId: saved.id, version: saved.version };
}

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

// An ACTIVE request of alice's with an end date; with an extension alice asked for, waiting for a decision.
async function prepareExtendable(fixture: Fixture, pending: boolean): Promise<Fixture> {
  const input = { clusterArn: DEMO_CLUSTERS[0]?.arn ?? "", client: CLIENT, authModes: ["iam" as const], environment: "dev" as const, justification: "Authorization matrix filing" };
  const filed = await fileRequest(h.person("alice"), input, { via: "api", fileAnyway: true });
  const endsAt = new Date(`${inDays(20)}T00:00:00.000Z`);
  const saved = await h.prisma.accessRequest.update({ where: { id: filed.id }, data: { status: "ACTIVE", endsAt } });
  if (pending) {
    await h.prisma.requestExtension.create({
      data: { requestId: saved.id, requestedById: h.person("alice").id, fromEndsAt: endsAt, toEndsAt: new Date(`${inDays(40)}T00:00:00.000Z`), reason: "Matrix extension" },
    });
  }
  return { ...fixture, requestId: saved.id, version: saved.version };
}

async function asSession(persona: Persona, run: () => Promise<Outcome>): Promise<Outcome> {
  session.userId = persona === "anonymous" ? null : who(persona).id;
  session.sessionId = sessions.get(persona) ?? null;
  try {
    return await run();
  } finally {
    session.userId = null;
    session.sessionId = null;
  }
}

function api(persona: Persona, method: string, url: string, body?: unknown): Request {
  const token = bearer.get(persona);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  return new Request(`http://portal.test${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const params = <P>(value: P) => ({ params: Promise.resolve(value) });

const fileForm = () =>
  form({
    clusterArn: DEMO_CLUSTERS[0]?.arn ?? "",
    "client.type": CLIENT.type,
    "client.accountId": CLIENT.accountId,
    "client.region": CLIENT.region,
    "client.vpcId": CLIENT.vpcId,
    "client.securityGroupIds": CLIENT.securityGroupIds.join(","),
    authModes: "iam",
    environment: "dev",
    justification: "Authorization matrix filing",
    fileAnyway: "yes",
  });

type Row = {
  /** file#export of the action or route handler this row covers. */
  covers: string;
  label: string;
  setup: Setup;
  allowed: readonly Persona[];
  call: (persona: Persona, f: Fixture) => Promise<Outcome>;
};

const act = (persona: Persona, run: () => Promise<Parameters<typeof actionOutcome>[0]>) =>
  asSession(persona, async () => actionOutcome(await run()));
const decide = (decision: "approve" | "reject") => (p: Persona, f: Fixture) =>
  act(p, () =>
    decisionActions.decideRequest(
      null,
      form({ requestId: f.requestId, version: String(f.version), decision, comment: "Matrix decision" }),
    ),
  );
const operate = (operation: "retry" | "rollback" | "decommission" | "reapply") => (p: Persona, f: Fixture) =>
  act(p, () => requestActions.operateRequest(null, form({ requestId: f.requestId, version: String(f.version), operation, comment: "Matrix decision" })));
const transition = (action: keyof typeof transitionApi) => async (p: Persona, f: Fixture) =>
  responseOutcome(
    await transitionApi[action].POST(
      api(p, "POST", `/api/v1/requests/${f.requestId}/${action}`, { comment: "Matrix decision" }),
      params({ id: f.requestId }),
    ),
  );

const TEAM = ["alice", "erin"] as const;
const OPERATORS = ["bob", "erin"] as const;
const EVERYONE = ["carol", "alice", "bob", "dana", "erin"] as const;
const ADMIN = ["erin"] as const;
const person = (f: Fixture, fields: Record<string, string> = {}) => form({ userId: f.userId, ...fields });

const ROWS: Row[] = [
  {
    covers: "_shared/decision/actions.ts#decideRequest",
    label: "approve",
    setup: "SUBMITTED",
    allowed: OPERATORS,
    call: decide("approve"),
  },
  {
    covers: "_shared/decision/actions.ts#decideRequest",
    label: "reject",
    setup: "SUBMITTED",
    allowed: OPERATORS,
    call: decide("reject"),
  },
  {
    covers: "requests/[id]/actions.ts#cancelRequest",
    label: "cancel",
    setup: "SUBMITTED",
    allowed: TEAM,
    call: (p, f) =>
      act(p, () => requestActions.cancelRequest(null, form({ requestId: f.requestId, version: String(f.version), comment: "Matrix decision" }))),
  },
  {
    covers: "requests/[id]/actions.ts#replanRequestAction",
    label: "re-plan",
    setup: "SUBMITTED",
    allowed: ["alice", "bob", "erin"],
    call: (p, f) => act(p, () => requestActions.replanRequestAction(null, form({ requestId: f.requestId }))),
  },
  {
    covers: "requests/[id]/actions.ts#operateRequest",
    label: "retry",
    setup: "FAILED",
    allowed: OPERATORS,
    call: operate("retry"),
  },
  {
    covers: "requests/[id]/actions.ts#operateRequest",
    label: "roll back",
    setup: "FAILED",
    allowed: OPERATORS,
    call: operate("rollback"),
  },
  {
    covers: "requests/[id]/actions.ts#operateRequest",
    label: "decommission",
    setup: "ACTIVE",
    allowed: ["alice", "bob", "erin"],
    call: operate("decommission"),
  },
  {
    covers: "requests/[id]/actions.ts#operateRequest",
    label: "re-apply",
    setup: "drifted",
    allowed: OPERATORS,
    call: operate("reapply"),
  },
  {
    covers: "requests/[id]/actions.ts#checkDriftAction",
    label: "drift check",
    setup: "ACTIVE",
    allowed: ["alice", "bob", "erin"],
    // The matrix's ACTIVE request was never built in AWS, so a check that runs reports what it found (the path
    // analysis finds no path); the matrix asks only whether it ran.
    call: (p, f) =>
      act(p, async () => {
        const state = await requestActions.checkDriftAction(null, form({ requestId: f.requestId }));
        return state && !state.ok && /problem\(s\) found/.test(state.message ?? "") ? { ...state, ok: true } : state;
      }),
  },
  {
    covers: "requests/[id]/actions.ts#createClientCheckAction",
    label: "create a client check command",
    setup: "ACTIVE",
    allowed: ["alice", "bob", "erin"],
    call: (p, f) => act(p, () => requestActions.createClientCheckAction(null, form({ requestId: f.requestId }))),
  },
  {
    covers: "_shared/extension/actions.ts#askForExtensionAction",
    label: "ask for an extension",
    setup: "extendable",
    allowed: TEAM,
    call: (p, f) =>
      act(p, () => extensionActions.askForExtensionAction(null, form({ requestId: f.requestId, toEndsAt: inDays(30), reason: "Matrix needs it longer" }))),
  },
  {
    covers: "_shared/extension/actions.ts#decideExtensionAction",
    label: "approve an extension",
    setup: "extension-pending",
    allowed: OPERATORS,
    call: async (p, f) => {
      const pending = await h.prisma.requestExtension.findFirstOrThrow({ where: { requestId: f.requestId, status: "PENDING" } });
      return act(p, () =>
        extensionActions.decideExtensionAction(null, form({ requestId: f.requestId, extensionId: pending.id, decision: "approve", comment: "" })),
      );
    },
  },
  {
    covers: "requests/new/actions.ts#submitRequest",
    label: "file a request",
    setup: "none",
    allowed: ["carol", "alice", "erin"],
    call: (p) => act(p, () => orRedirect(() => submitRequest(null, fileForm()))),
  },
  {
    covers: "catalog/actions.ts#refreshCatalogAction",
    label: "refresh the catalog",
    setup: "none",
    allowed: OPERATORS,
    call: (p) => act(p, () => refreshCatalogAction()),
  },
  {
    covers: "admin/actions.ts#manageClusterAction",
    label: "archive a cluster",
    setup: "none",
    allowed: ["erin"],
    call: async (p) => {
      const cluster = await h.prisma.cluster.findFirstOrThrow({ where: { arn: DEMO_CLUSTERS[1]?.arn ?? "" } });
      return act(p, () => admin.manageClusterAction(null, form({ operation: "archive", id: cluster.id })));
    },
  },
  {
    covers: "admin/actions.ts#testAccessAction",
    label: "test account access",
    setup: "none",
    allowed: ["erin"],
    call: (p) => act(p, () => admin.testAccessAction(null, form({ id: "222222222222" }))),
  },
  {
    covers: "tokens/actions.ts#createTokenAction",
    label: "create a token",
    setup: "none",
    allowed: EVERYONE,
    call: (p) => act(p, () => tokens.createTokenAction(null, form({ name: "matrix pipeline", scope: "read", lifetimeDays: "30" }))),
  },
  {
    covers: "admin/people/actions.ts#registerPersonAction",
    label: "pre-register a person",
    setup: "none",
    allowed: ADMIN,
    call: (p) => act(p, () => people.registerPersonAction(null, form({ email: "matrix-person@example.com", name: "Matrix", roles: "auditor" }))),
  },
  {
    covers: "admin/people/actions.ts#updatePersonAction",
    label: "change a person's roles",
    setup: "spare-person",
    allowed: ADMIN,
    call: (p, f) => act(p, () => people.updatePersonAction(null, person(f, { roles: "auditor" }))),
  },
  {
    covers: "admin/people/actions.ts#deactivatePersonAction",
    label: "deactivate a person",
    setup: "spare-person",
    allowed: ADMIN,
    call: (p, f) => act(p, () => people.deactivatePersonAction(null, person(f))),
  },
  {
    covers: "admin/people/actions.ts#reactivatePersonAction",
    label: "reactivate a person",
    setup: "deactivated-person",
    allowed: ADMIN,
    call: (p, f) => act(p, () => people.reactivatePersonAction(null, person(f))),
  },
  {
    covers: "admin/people/actions.ts#revokePersonSessionsAction",
    label: "sign a person out everywhere",
    setup: "spare-person",
    allowed: ADMIN,
    call: (p, f) => act(p, () => people.revokePersonSessionsAction(null, person(f))),
  },
  {
    covers: "admin/people/actions.ts#revokeAnyTokenAction",
    label: "revoke alice's token as an administrator",
    setup: "alice-token",
    allowed: ADMIN,
    call: (p, f) => act(p, () => people.revokeAnyTokenAction(null, form({ tokenId: f.tokenId }))),
  },
  {
    covers: "notifications/actions.ts#openNotificationAction",
    label: "open one's own notification",
    setup: "notifications",
    allowed: EVERYONE,
    call: async (p, f) => {
      const own = await h.prisma.notification.findFirstOrThrow({ where: { requestId: f.requestId, userId: who(p === "anonymous" ? "alice" : p).id, readAt: null } });
      return act(p, () => orRedirect(() => notificationActions.openNotificationAction(null, form({ notificationId: own.id }))));
    },
  },
  {
    covers: "notifications/actions.ts#markAllReadAction",
    label: "mark one's notifications read",
    setup: "notifications",
    allowed: EVERYONE,
    call: (p) => act(p, () => notificationActions.markAllReadAction()),
  },
  {
    covers: "notifications/actions.ts#savePreferencesAction",
    label: "choose one's notification channels",
    setup: "none",
    allowed: EVERYONE,
    call: (p) => act(p, () => notificationActions.savePreferencesAction(null, form({ "request.approved.inApp": "on" }))),
  },
  {
    covers: "admin/webhooks/actions.ts#createWebhookAction",
    label: "add a webhook",
    setup: "none",
    allowed: ADMIN,
    call: (p) =>
      act(p, () =>
        webhookActions.createWebhookAction(null, form({ name: "matrix", url: "https://hooks.example.com/x", format: "slack", events: "request.approved", secret: "" })),
      ),
  },
  {
    covers: "admin/webhooks/actions.ts#toggleWebhookAction",
    label: "turn a webhook off",
    setup: "webhook",
    allowed: ADMIN,
    call: (p, f) => act(p, () => webhookActions.toggleWebhookAction(null, form({ webhookId: f.itemId ?? "", enabled: "false" }))),
  },
  {
    covers: "admin/webhooks/actions.ts#removeWebhookAction",
    label: "remove a webhook",
    setup: "webhook",
    allowed: ADMIN,
    call: (p, f) => act(p, () => webhookActions.removeWebhookAction(null, form({ webhookId: f.itemId ?? "" }))),
  },
  {
    covers: "admin/webhooks/actions.ts#resendDeliveryAction",
    label: "send a failed webhook delivery again",
    setup: "webhook-delivery",
    allowed: ADMIN,
    call: (p, f) => act(p, () => webhookActions.resendDeliveryAction(null, form({ deliveryId: f.itemId ?? "" }))),
  },
  {
    covers: "admin/policies/actions.ts#savePolicyAction",
    label: "create an approval policy",
    setup: "none",
    allowed: ADMIN,
    call: (p) => act(p, () => policyActions.savePolicyAction(null, form({ name: "Matrix SaaS policy", "match.scenarios": "saas", "outcome.kind": "approvals", "outcome.count": "2" }))),
  },
  {
    covers: "admin/policies/actions.ts#movePolicyAction",
    label: "reorder approval policies",
    setup: "policy",
    allowed: ADMIN,
    call: (p, f) => act(p, () => policyActions.movePolicyAction(null, form({ id: f.itemId ?? "", direction: "up" }))),
  },
  {
    covers: "admin/policies/actions.ts#deletePolicyAction",
    label: "delete an approval policy",
    setup: "policy",
    allowed: ADMIN,
    call: (p, f) => act(p, () => policyActions.deletePolicyAction(null, form({ id: f.itemId ?? "" }))),
  },
  {
    covers: "admin/freezes/actions.ts#createFreezeAction",
    label: "add a change freeze",
    setup: "none",
    allowed: ADMIN,
    call: (p) => act(p, () => freezeActions.createFreezeAction(null, form({ startsAt: "2099-01-01T00:00", endsAt: "2099-01-02T00:00", reason: "Matrix freeze window" }))),
  },
  {
    covers: "admin/freezes/actions.ts#deleteFreezeAction",
    label: "remove a change freeze",
    setup: "freeze",
    allowed: ADMIN,
    call: (p, f) => act(p, () => freezeActions.deleteFreezeAction(null, form({ id: f.itemId ?? "" }))),
  },
  {
    covers: "admin/cluster-owner/actions.ts#setClusterOwnerAction",
    label: "set a cluster's owner team",
    setup: "none",
    allowed: ADMIN,
    call: async (p) => {
      const cluster = await h.prisma.cluster.findFirstOrThrow({ where: { arn: DEMO_CLUSTERS[1]?.arn ?? "" } });
      const analytics = await h.prisma.team.findUniqueOrThrow({ where: { slug: "analytics" } });
      return act(p, () => clusterOwnerActions.setClusterOwnerAction(null, form({ id: cluster.id, ownerTeamId: analytics.id })));
    },
  },
  {
    covers: "_shared/freeze-override/actions.ts#overrideFreezeAction",
    label: "let a request through change freezes",
    setup: "SUBMITTED",
    allowed: ADMIN,
    call: (p, f) => act(p, () => freezeOverrideActions.overrideFreezeAction(null, form({ requestId: f.requestId, reason: "Matrix override reason" }))),
  },
  {
    covers: "tokens/actions.ts#revokeTokenAction",
    label: "revoke alice's token",
    setup: "alice-token",
    allowed: ["alice"],
    call: (p, f) => act(p, () => tokens.revokeTokenAction(null, form({ tokenId: f.tokenId }))),
  },
  {
    covers: "api/v1/requests/route.ts#GET",
    label: "list requests",
    setup: "none",
    allowed: [...EVERYONE, "read-token"],
    call: async (p) => responseOutcome(await requestsApi.GET(api(p, "GET", "/api/v1/requests"), params({}))),
  },
  {
    covers: "api/v1/requests/route.ts#POST",
    label: "file a request",
    setup: "none",
    allowed: ["carol", "alice", "erin"],
    call: async (p) =>
      responseOutcome(
        await requestsApi.POST(
          api(p, "POST", "/api/v1/requests", {
            clusterArn: DEMO_CLUSTERS[0]?.arn,
            client: CLIENT,
            authModes: ["iam"],
            environment: "dev",
            justification: "Authorization matrix filing",
            fileAnyway: true,
          }),
          params({}),
        ),
      ),
  },
  {
    covers: "api/v1/requests/[id]/route.ts#GET",
    label: "read a request",
    setup: "SUBMITTED",
    allowed: ["alice", "bob", "dana", "erin", "read-token"],
    call: async (p, f) =>
      responseOutcome(await requestApi.GET(api(p, "GET", `/api/v1/requests/${f.requestId}`), params({ id: f.requestId }))),
  },
  {
    covers: "api/v1/requests/[id]/approve/route.ts#POST",
    label: "approve",
    setup: "SUBMITTED",
    allowed: OPERATORS,
    call: transition("approve"),
  },
  {
    covers: "api/v1/requests/[id]/reject/route.ts#POST",
    label: "reject",
    setup: "SUBMITTED",
    allowed: OPERATORS,
    call: transition("reject"),
  },
  {
    covers: "api/v1/requests/[id]/cancel/route.ts#POST",
    label: "cancel",
    setup: "SUBMITTED",
    allowed: TEAM,
    call: transition("cancel"),
  },
  {
    covers: "api/v1/requests/[id]/retry/route.ts#POST",
    label: "retry",
    setup: "FAILED",
    allowed: OPERATORS,
    call: transition("retry"),
  },
  {
    covers: "api/v1/requests/[id]/rollback/route.ts#POST",
    label: "roll back",
    setup: "FAILED",
    allowed: OPERATORS,
    call: transition("rollback"),
  },
  // The same rule as the page's Decommission button (the requesting team or an operator), not a looser role gate.
  {
    covers: "api/v1/requests/[id]/decommission/route.ts#POST",
    label: "decommission",
    setup: "ACTIVE",
    allowed: ["alice", "bob", "erin"],
    call: transition("decommission"),
  },
  {
    covers: "api/v1/requests/[id]/reapply/route.ts#POST",
    label: "re-apply",
    setup: "drifted",
    allowed: OPERATORS,
    call: transition("reapply"),
  },
  // The same rules as the page's "Re-plan" and "Check against AWS" (requestDecision in lib/domain/permissions).
  {
    covers: "api/v1/requests/[id]/replan/route.ts#POST",
    label: "re-plan",
    setup: "SUBMITTED",
    allowed: ["alice", "bob", "erin"],
    call: async (p, f) =>
      responseOutcome(await replanApi.POST(api(p, "POST", `/api/v1/requests/${f.requestId}/replan`), params({ id: f.requestId }))),
  },
  {
    covers: "api/v1/requests/[id]/drift-check/route.ts#POST",
    label: "drift check",
    setup: "ACTIVE",
    allowed: ["alice", "bob", "erin"],
    call: async (p, f) =>
      responseOutcome(await driftCheckApi.POST(api(p, "POST", `/api/v1/requests/${f.requestId}/drift-check`), params({ id: f.requestId }))),
  },
  // A client check's routes take only its one-time token (client-checks/client-check.test.ts): no person's
  // session or API token, whatever its roles, fetches a script or reports.
  {
    covers: "api/v1/client-checks/script/route.ts#GET",
    label: "fetch a client check's script",
    setup: "ACTIVE",
    allowed: [],
    call: async (p) => responseOutcome(await clientCheckScriptApi.GET(api(p, "GET", "/api/v1/client-checks/script"))),
  },
  {
    covers: "api/v1/client-checks/report/route.ts#POST",
    label: "report a client check",
    setup: "ACTIVE",
    allowed: [],
    call: async (p) =>
      responseOutcome(await clientCheckReportApi.POST(api(p, "POST", "/api/v1/client-checks/report", { hostname: "matrix", results: [{ host: "b-1.example", port: 9098, resolved: [], tcp: "failed", tls: "failed" }] }))),
  },
  {
    covers: "api/v1/audit/route.ts#GET",
    label: "read the audit history",
    setup: "none",
    allowed: ["bob", "dana", "erin", "read-token"],
    call: async (p) => responseOutcome(await auditApi.GET(api(p, "GET", "/api/v1/audit"), params({}))),
  },
  // The browser's download: the session, not a token, and the same permission as the audit page.
  {
    covers: "audit/export/route.ts#GET",
    label: "export the audit history",
    setup: "none",
    allowed: ["bob", "dana", "erin"],
    call: (p) => asSession(p, async () => responseOutcome(await auditExport.GET(new Request("http://portal.test/audit/export?format=csv")))),
  },
  // Every team's connections to a cluster: the cluster page's permission (those who may see every request).
  {
    covers: "catalog/clusters/[id]/connections.csv/route.ts#GET",
    label: "download a cluster's connections",
    setup: "none",
    allowed: ["bob", "dana", "erin"],
    call: async (p) => {
      const cluster = await h.prisma.cluster.findFirstOrThrow({ where: { arn: DEMO_CLUSTERS[0]?.arn ?? "" } });
      const url = `http://portal.test/catalog/clusters/${cluster.id}/connections.csv`;
      return asSession(p, async () => responseOutcome(await clusterConnectionsCsv.GET(new Request(url), { params: Promise.resolve({ id: cluster.id }) })));
    },
  },
  // Reads AWS (describe calls only) for the same people.
  {
    covers: "catalog/clusters/[id]/access.csv/route.ts#GET",
    label: "download the access that exists to a cluster",
    setup: "none",
    allowed: ["bob", "dana", "erin"],
    call: async (p) => {
      const cluster = await h.prisma.cluster.findFirstOrThrow({ where: { arn: DEMO_CLUSTERS[0]?.arn ?? "" } });
      const url = `http://portal.test/catalog/clusters/${cluster.id}/access.csv`;
      return asSession(p, async () => responseOutcome(await clusterAccessCsv.GET(new Request(url), { params: Promise.resolve({ id: cluster.id }) })));
    },
  },
];

// Open on purpose: signing in and out, the load balancer's health and readiness checks, Auth.js's own endpoints,
// the API's description (shapes only; app/api/v1/openapi.test.ts checks that it is served without a token). The
// metrics scrape takes no user or API token but its own METRICS_TOKEN (app/api/metrics/route.test.ts).
const PUBLIC = [
  "signin/actions.ts#signInAsDevUser",
  "signin/actions.ts#signInWithSso",
  "signin/actions.ts#signOutAction",
  "api/health/route.ts#GET",
  "api/ready/route.ts#GET",
  "api/metrics/route.ts#GET",
  "api/v1/openapi.json/route.ts#GET",
  "api/auth/[...nextauth]/route.ts#GET",
  "api/auth/[...nextauth]/route.ts#POST",
];
// The admin's account and platform forms act on a spare account (prepared per row) and submit the demo's own
// platform settings, so an allowed call changes nothing another row relies on.
const SPARE_ACCOUNT = "555555555555";
const accountForm = () =>
  form({ id: SPARE_ACCOUNT, name: "Renamed by the matrix", kind: "APPLICATION", regions: "us-east-1", roleArn: `arn:aws:iam::${SPARE_ACCOUNT}:role/MskConnectivityPortal` });
const platformForm = () =>
  form({
    crossAccountVpcVia: DEMO_PLATFORM_SETTINGS.crossAccountVpcVia,
    tgwDefaultPropagation: "disable",
    pathAnalysis: DEMO_PLATFORM_SETTINGS.pathAnalysis,
    organizationArn: DEMO_PLATFORM_SETTINGS.organization.arn,
    organizationAccountIds: DEMO_PLATFORM_SETTINGS.organization.accountIds.join(" "),
    ramSharingEnabled: "on",
    ...Object.fromEntries(
      DEMO_PLATFORM_SETTINGS.transitHubs.flatMap((hub, i) => [
        [`hubs.${i}.accountId`, hub.accountId],
        [`hubs.${i}.region`, hub.region],
        [`hubs.${i}.transitGatewayId`, hub.transitGatewayId],
        [`hubs.${i}.clusterSide`, hub.routeTables.sharedServices],
        [`hubs.${i}.clientSide`, hub.routeTables.spokes],
        [`hubs.${i}.onPrem`, hub.routeTables.onPrem],
      ]),
    ),
  });
const ADMIN_FORM_ROWS: Row[] = [
  { covers: "admin/actions.ts#saveAccountAction", label: "save an account", setup: "spare-account", allowed: ["erin"], call: (p) => act(p, () => admin.saveAccountAction(null, accountForm())) },
  { covers: "admin/actions.ts#removeAccountAction", label: "remove an account", setup: "spare-account", allowed: ["erin"], call: (p) => act(p, () => admin.removeAccountAction(null, form({ id: SPARE_ACCOUNT }))) },
  { covers: "admin/actions.ts#savePlatformAction", label: "save the platform settings", setup: "none", allowed: ["erin"], call: (p) => act(p, () => admin.savePlatformAction(null, platformForm())) },
];

// Rejecting a client's VPC connection calls MSK about a connection the sandbox would first need a client
// account's CreateVpcConnection for: only its refusals are asserted here (its success: client-vpc-connections e2e).
const REFUSALS_ONLY: Row[] = [
  {
    covers: "_shared/client-vpc-connection/actions.ts#rejectConnectionAction",
    label: "reject a client VPC connection",
    setup: "none",
    allowed: ["bob", "erin"],
    call: (p) =>
      act(p, () =>
        clusterActions.rejectConnectionAction(
          null,
          form({ clusterId: "none", vpcConnectionArn: "arn:aws:kafka:us-east-1:111111111111:vpc-connection/none" }),
        ),
      ),
  },
];

// A read-only token is a way of calling the API, not a browser session: server actions never see it.
const personasOf = (row: Row) => (row.covers.startsWith("api/") ? PERSONAS : PERSONAS.filter((p) => p !== "read-token"));

async function portalState() {
  return { database: await databaseFingerprint(h.prisma), aws: await snapshot(h.env), awsCalls: (await h.env.calls()).length };
}

describe("who may call every server action and API route", () => {
  it("has a row for every server action and route handler", async () => {
    const appDir = path.join(process.cwd(), "app");
    const files = readdirSync(appDir, { recursive: true, encoding: "utf8" }).filter((f) => /(^|\/)(actions|route)\.ts$/.test(f));
    const exported = (
      await Promise.all(
        files.map(async (file) => {
          const exports: Record<string, unknown> = await import(path.join(appDir, file));
          return Object.entries(exports)
            .filter(([, v]) => typeof v === "function")
            .map(([name]) => `${file}#${name}`);
        }),
      )
    ).flat();
    const covered = new Set([...ROWS, ...ADMIN_FORM_ROWS, ...REFUSALS_ONLY].map((r) => r.covers).concat(PUBLIC));
    expect(exported.filter((e) => !covered.has(e))).toEqual([]);
  });

  describe.each([...ROWS, ...ADMIN_FORM_ROWS])("$covers ($label)", (row) => {
    it(`allows exactly ${row.allowed.join(", ")}, and a refusal changes nothing in the database or AWS`, async () => {
      const shared = await prepare(row.setup);
      for (const persona of personasOf(row).filter((p) => !row.allowed.includes(p))) {
        const before = await portalState();
        const outcome = await row.call(persona, shared);
        expect(outcome.allowed, `${persona}: ${outcome.detail}`).toBe(false);
        expect(await portalState(), `${persona} changed something`).toEqual(before);
      }
      for (const persona of row.allowed) {
        const outcome = await row.call(persona, await prepare(row.setup));
        expect(outcome.allowed, `${persona}: ${outcome.detail}`).toBe(true);
      }
    });
  });

  describe.each(REFUSALS_ONLY)("$covers", (row) => {
    it(`refuses everyone but ${row.allowed.join(", ")} without changing anything`, async () => {
      for (const persona of personasOf(row).filter((p) => !row.allowed.includes(p))) {
        const before = await portalState();
        const outcome = await row.call(persona, await prepare("none"));
        expect(outcome.detail, persona).toMatch(/"code":"(unauthenticated|forbidden)"/);
        expect(await portalState(), `${persona} changed something`).toEqual(before);
      }
    });
  });
});
