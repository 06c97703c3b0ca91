import { readdirSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { responseValidator } from "@/lib/api/openapi/testing/response-validator";
import { createClientCheck } from "@/lib/db/client-checks/create-client-check";
import { askForExtension } from "@/lib/db/expiry/ask-for-extension";
import { createToken } from "@/lib/db/tokens/create-token";
import { startProvisioningHarness, type ProvisioningHarness } from "@/lib/provisioner/testing/provisioning-harness";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

// The API authenticates by bearer token only and never reads the Auth.js session, whose module needs a Next
// request to load; everything from the token on is real.
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(null), signIn: () => undefined, signOut: () => undefined, handlers: {} }));

const V1 = path.join(process.cwd(), "app/api/v1");
const routeFiles = readdirSync(V1, { recursive: true, encoding: "utf8" }).filter((f) => /(^|\/)route\.ts$/.test(f));
const toPath = (file: string) => `/api/v1/${path.dirname(file)}`.replace(/\[(\w+)\]/g, "{$1}");
const routes = new Map(await Promise.all(routeFiles.map(async (f) => [toPath(f), (await import(path.join(V1, f))) as Record<string, unknown>] as const)));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const { openApiDocument } = await import("@/lib/api/openapi/document");
const doc = openApiDocument();
const check = responseValidator(doc);
const exercised = new Set<string>();

let h: ProvisioningHarness;
const tokens = new Map<string, string>();
beforeAll(async () => {
  h = await startProvisioningHarness();
  for (const name of ["alice", "bob", "carol", "dana"]) tokens.set(name, (await createToken(h.prisma, h.person(name), "openapi test")).token);
  tokens.set("alice-read", (await createToken(h.prisma, h.person("alice"), "openapi test", { scope: "read" })).token);
});
afterAll(async () => {
  const queue = (globalThis as { portalQueue?: Promise<{ stop(): Promise<void> }> }).portalQueue;
  await (await queue)?.stop();
  await h?.close();
});

/** Calls the route handler for `url` as `who`, checks the answer against the document, and returns its body. */
async function call(who: string | null, method: "get" | "post", url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const { pathname, search } = new URL(url, "http://portal.test");
  const entry = [...routes].find(([template]) => new RegExp(`^${template.replace(/\{\w+\}/g, "([^/]+)")}$`).test(pathname));
  if (!entry) throw new Error(`no route for ${pathname}`);
  const [template, module] = entry;
  const values = pathname.match(new RegExp(`^${template.replace(/\{\w+\}/g, "([^/]+)")}$`))?.slice(1) ?? [];
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
  const handler = module[method.toUpperCase()] as Handler;
  const token = who ? tokens.get(who) : undefined;
  const request = new Request(`http://portal.test${pathname}${search}`, {
    method: method.toUpperCase(),
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(Object.fromEntries(names.map((n, i) => [n, values[i] ?? ""]))) });
  const contentType = response.headers.get("content-type")?.split(";")[0] ?? "application/json";
  // Every answer is JSON but the client check's script, which is checked as the text it is documented as.
  const json = (contentType === "application/json" ? await response.json() : { text: await response.text() }) as Record<string, unknown>;
  const answered = contentType === "application/json" ? json : json.text;
  expect(check.response(template, method, response.status, answered, contentType), `${method} ${url} -> ${response.status} ${JSON.stringify(json)}`).toBeNull();
  if (response.status < 300 && body !== undefined) expect(check.requestBody(template, method, body)).toBeNull();
  exercised.add(`${method} ${template}`);
  return { status: response.status, json };
}

const filing = (justification = "Nightly pipeline reads the orders topic") => ({
  clusterArn: DEMO_CLUSTERS[0]?.arn,
  client: { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] },
  authModes: ["iam"],
  environment: "dev",
  justification,
  topicAccess: { readTopics: ["orders"], writeTopics: [], consumerGroups: ["nightly"] },
  fileAnyway: true,
});

async function file(): Promise<string> {
  const created = await call("alice", "post", "/api/v1/requests", filing());
  expect(created.status).toBe(201);
  return String(created.json.id);
}

describe("the OpenAPI document at /api/v1/openapi.json", () => {
  it("is served without a token", async () => {
    const served = await call(null, "get", "/api/v1/openapi.json");
    expect(served.status).toBe(200);
    expect(served.json).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("documents exactly the routes and methods that exist", () => {
    const implemented = [...routes].flatMap(([p, m]) => Object.keys(m).filter((k) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(k)).map((k) => `${k.toLowerCase()} ${p}`));
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(implemented.sort());
  });
});

describe("real responses match the document", () => {
  it("filing, listing and refusals", async () => {
    expect((await call(null, "get", "/api/v1/requests")).status).toBe(401);
    const bad = await call("alice", "post", "/api/v1/requests", { ...filing(), client: { ...filing().client, vpcId: "vpc-nope" } });
    expect(bad.status).toBe(400);
    expect(bad.json.fields).toMatchObject({ "client.vpcId": ["Enter a VPC id like vpc-0abc1234"] });
    expect((await call("dana", "post", "/api/v1/requests", filing())).status).toBe(403);
    const readOnly = await call("alice-read", "post", "/api/v1/requests", filing());
    expect(readOnly).toMatchObject({ status: 403, json: { error: "forbidden", message: expect.stringContaining("read-only") } });
    const id = await file();
    const list = await call("alice", "get", "/api/v1/requests?status=SUBMITTED");
    expect(list.json.requests).toEqual(expect.arrayContaining([expect.objectContaining({ id, status: "SUBMITTED" })]));
    const number = (list.json.requests as { id: string; number: number }[]).find((r) => r.id === id)?.number;
    const searched = await call("bob", "get", `/api/v1/requests?q=%23${number}&status=SUBMITTED,FAILED&method=vpc-peering&sort=oldest`);
    expect(searched.json).toMatchObject({ total: 1, requests: [{ id, method: "vpc-peering", drifted: false }] });
    const badFilter = await call("bob", "get", "/api/v1/requests?status=NOPE&age=ancient");
    expect(badFilter).toMatchObject({ status: 400, json: { fields: { status: [expect.stringContaining('Unknown status "NOPE"')], age: [expect.any(String)] } } });
    expect((await call("carol", "get", `/api/v1/requests/${id}`)).status).toBe(404);
  });

  it("an end date is filed, listed and read back; one in the past is refused at its field", async () => {
    const endsAt = new Date(Date.now() + 20 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const past = await call("alice", "post", "/api/v1/requests", { ...filing(), endsAt: "2020-01-01", fileAnyway: true });
    expect(past).toMatchObject({ status: 400, json: { fields: { endsAt: ["Choose an end date in the future"] } } });
    const created = await call("alice", "post", "/api/v1/requests", { ...filing(), endsAt, fileAnyway: true });
    const id = String(created.json.id);
    expect((await call("alice", "get", `/api/v1/requests/${id}`)).json.endsAt).toBe(`${endsAt}T00:00:00.000Z`);
    const listed = (await call("alice", "get", "/api/v1/requests")).json.requests as { id: string; endsAt: string | null }[];
    expect(listed.find((r) => r.id === id)?.endsAt).toBe(`${endsAt}T00:00:00.000Z`);
    // An extension asked for is in the detail as the page shows it, with the policy that applied to it.
    const to = new Date(Date.now() + 40 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    await askForExtension({ ...h.person("alice") }, { requestId: id, toEndsAt: to, reason: "The pipeline runs another month" });
    const detail = (await call("alice", "get", `/api/v1/requests/${id}`)).json;
    expect(detail.extensions).toEqual([
      expect.objectContaining({ toEndsAt: `${to}T00:00:00.000Z`, status: "PENDING", askedBy: "alice@example.com", decidedBy: null, policy: expect.objectContaining({ name: "Default: one approval", progress: "0 of 1 approval" }) }),
    ]);
  });

  it("a submitted request carries its plan, preflight, approval and the caller's actions", async () => {
    const id = await file();
    const { json } = await call("alice", "get", `/api/v1/requests/${id}`);
    expect(json).toMatchObject({ status: "SUBMITTED", approval: { approvable: true, reason: null }, actions: ["cancel", "replan"], connection: null });
    expect(json.topicAccess).toEqual({ readTopics: ["orders"], writeTopics: [], consumerGroups: ["nightly"] });
    const plan = json.plan as { state: string; method: string; ports: number[]; steps: { kind: string; input: object; progress: unknown }[] };
    expect(plan).toMatchObject({ state: "computed", method: "vpc-peering" });
    expect(plan.ports.length).toBeGreaterThan(0);
    expect(plan.steps.map((s) => s.kind)).toContain("create-peering");
    expect(plan.steps.every((s) => s.progress === null && Object.keys(s.input).length > 0)).toBe(true);
    expect((await call("bob", "get", `/api/v1/requests/${id}`)).json.actions).toEqual(["approve", "reject", "replan"]);
    // Re-planned from AWS as it is now: the same plan again, a new version, audited in the caller's name.
    const replanned = await call("alice", "post", `/api/v1/requests/${id}/replan`);
    expect(replanned).toMatchObject({ status: 200, json: { id, plan: { state: "computed", method: "vpc-peering" } } });
    expect(Number(replanned.json.version)).toBeGreaterThan(Number(json.version));
    const audit = await h.prisma.auditEvent.findFirstOrThrow({ where: { requestId: id, action: "request.plan" }, orderBy: { id: "desc" } });
    expect(audit.actorLabel).toBe("alice@example.com (API)");
    expect(await call("carol", "post", `/api/v1/requests/${id}/replan`)).toMatchObject({ status: 404 });
    expect(await call("alice-read", "post", `/api/v1/requests/${id}/replan`)).toMatchObject({ status: 403 });
  });

  it("expected traffic is taken at filing, refused at its field when wrong, and prices the plan's cost", async () => {
    const bad = await call("alice", "post", "/api/v1/requests", { ...filing(), expectedGbPerMonth: 12.5 });
    expect(bad).toMatchObject({ status: 400, json: { fields: { expectedGbPerMonth: ["Enter a whole number of GB per month"] } } });
    // Filed anyway: the same client as the other tests' requests, on purpose.
    const created = await call("alice", "post", "/api/v1/requests", { ...filing(), expectedGbPerMonth: 1000, fileAnyway: true });
    expect(created.status).toBe(201);
    const { json } = await call("alice", "get", `/api/v1/requests/${String(created.json.id)}`);
    expect(json.expectedGbPerMonth).toBe(1000);
    const cost = json.cost as { expectedGbPerMonth: number; planned: { method: string; totalMonthlyUsd: number; lines: { source: string; confirmed: boolean }[] }; comparison: { method: string }[] };
    expect(cost.planned).toMatchObject({ method: "vpc-peering", totalMonthlyUsd: 20 });
    expect(cost.planned.lines.every((l) => l.source.startsWith("https://"))).toBe(true);
    expect(cost.comparison.map((m) => m.method)).toEqual(["vpc-peering", "transit-gateway", "multi-vpc-private-connectivity"]);
    // Without expected traffic the per-GB lines are priced per GB and no total is invented.
    const plainId = String((await call("alice", "post", "/api/v1/requests", { ...filing(), fileAnyway: true })).json.id);
    const plain = await call("alice", "get", `/api/v1/requests/${plainId}`);
    expect(plain.json).toMatchObject({ expectedGbPerMonth: null, cost: { expectedGbPerMonth: null, planned: { totalMonthlyUsd: null, perGbUsd: 0.02 } } });
  });

  it("a plan that could not be computed says so, and approving is refused for that reason", async () => {
    const id = await file();
    await h.prisma.accessRequest.update({ where: { id }, data: { plan: { computedAt: new Date().toISOString(), error: { message: "DescribeVpcs was denied" } } } });
    const { json } = await call("bob", "get", `/api/v1/requests/${id}`);
    expect(json.plan).toMatchObject({ state: "failed", error: { message: "DescribeVpcs was denied", field: null } });
    expect(json.approval).toEqual({ approvable: false, reason: expect.stringContaining("could not be computed") });
    expect(json.actions).toEqual(["reject", "replan"]);
    const refused = await call("bob", "post", `/api/v1/requests/${id}/approve`, {});
    expect(refused.json.message).toBe((json.approval as { reason: string }).reason);
  });

  it("approved and provisioned: step progress and what the client is told", async () => {
    const id = await file();
    expect((await call("bob", "post", `/api/v1/requests/${id}/approve`, { comment: "Looks right" })).json).toMatchObject({ status: "APPROVED" });
    await h.run(id);
    const { json } = await call("alice", "get", `/api/v1/requests/${id}`);
    expect(json).toMatchObject({ status: "ACTIVE", decision: { by: "bob@example.com", comment: "Looks right" }, approval: { approvable: false }, actions: ["decommission", "drift-check"] });
    expect(await call("alice", "post", `/api/v1/requests/${id}/drift-check`)).toMatchObject({ status: 200, json: { id, status: "ACTIVE", drift: null } });
    expect(await call("alice", "post", `/api/v1/requests/${id}/replan`)).toMatchObject({ status: 409, json: { message: expect.stringContaining("waiting for a decision") } });
    const steps = (json.plan as { steps: { progress: { status: string } | null }[] }).steps;
    expect(steps.every((s) => s.progress?.status === "SUCCEEDED")).toBe(true);
    const connection = json.connection as { bootstrap: string; clientSettings: Record<string, object>; iamPolicyScope: string };
    expect(connection.bootstrap).toMatch(/:9098/);
    expect(Object.keys(connection.clientSettings)).toEqual(["iam"]);
    expect(connection.iamPolicyScope).toBe("topics-asked-for");
    expect((json.timeline as { action: string }[]).map((e) => e.action)).toEqual(expect.arrayContaining(["request.submit", "request.approve", "request.activate"]));
    expect((await call("alice", "post", `/api/v1/requests/${id}/approve`, {})).status).toBeGreaterThanOrEqual(400);
    expect((await call("alice", "post", `/api/v1/requests/${id}/decommission`, { version: Number(json.version), comment: "No longer needed" })).json).toMatchObject({ status: "DECOMMISSIONING" });
  });

  it("the other transitions and the audit history", async () => {
    expect((await call("bob", "post", `/api/v1/requests/${await file()}/reject`, { comment: "no" })).status).toBe(400);
    expect((await call("bob", "post", `/api/v1/requests/${await file()}/reject`, { comment: "Use the shared hub instead" })).json).toMatchObject({ status: "REJECTED" });
    const cancelled = await file();
    expect((await call("alice", "post", `/api/v1/requests/${cancelled}/cancel`, { version: 7, comment: "Filed twice by mistake" })).status).toBe(409);
    const unexplained = await call("alice", "post", `/api/v1/requests/${cancelled}/cancel`, {});
    expect(unexplained).toMatchObject({ status: 400, json: { fields: { comment: [expect.stringContaining("Say why")] } } });
    expect((await call("alice", "post", `/api/v1/requests/${cancelled}/cancel`, { comment: "Filed twice by mistake" })).json).toMatchObject({ status: "CANCELLED" });
    const again = await call("alice", "post", "/api/v1/requests", { ...filing(), fileAnyway: undefined });
    expect(again).toMatchObject({ status: 409, json: { fields: { fileAnyway: [expect.stringMatching(/already connects? this client/)] } } });
    for (const action of ["retry", "rollback"] as const) {
      const id = await file();
      await h.prisma.accessRequest.update({ where: { id }, data: { status: "FAILED", failedDuring: "PROVISIONING" } });
      expect((await call("bob", "post", `/api/v1/requests/${id}/${action}`, action === "rollback" ? { comment: "Undo the half-built path" } : {})).status).toBe(200);
    }
    // A drifted connection: an operator may re-apply it, its team may not.
    const drifted = await file();
    await h.prisma.accessRequest.update({
      where: { id: drifted },
      data: { status: "ACTIVE", drift: [{ step: "create-route:rtb-0aaa0000000000011:10.0.0.0/16", summary: "add a route", problem: "the route is gone" }] },
    });
    expect((await call("bob", "get", `/api/v1/requests/${drifted}`)).json.actions).toEqual(["decommission", "reapply", "drift-check"]);
    expect((await call("alice", "post", `/api/v1/requests/${drifted}/reapply`, {})).status).toBe(403);
    expect((await call("bob", "post", `/api/v1/requests/${drifted}/reapply`, {})).json).toMatchObject({ status: "APPROVED" });
    expect((await call("carol", "get", "/api/v1/audit")).status).toBe(403);
    expect((await call("dana", "get", "/api/v1/audit?from=yesterday")).status).toBe(400);
    const audit = await call("dana", "get", "/api/v1/audit?action=request.");
    expect((audit.json.events as unknown[]).length).toBeGreaterThan(0);
  });

  it("pages the audit history by cursor: every event once, newest first, however many pages", async () => {
    const at = new Date("2026-01-05T10:00:00.000Z");
    // Equal times on purpose: the id breaks the tie, so no event is skipped or repeated at a page boundary.
    await h.prisma.auditEvent.createMany({ data: Array.from({ length: 120 }, () => ({ at, actorLabel: "paging test", action: "test.paging", resourceIds: [], details: {} })) });
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const answer = await call("dana", "get", `/api/v1/audit?action=test.paging${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(answer.status).toBe(200);
      seen.push(...(answer.json.events as { id: string }[]).map((e) => e.id));
      cursor = answer.json.nextCursor as string | null;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen.map(BigInt)).toEqual([...seen.map(BigInt)].sort((a, b) => (a < b ? 1 : -1)));
    expect(await call("dana", "get", "/api/v1/audit?cursor=page-2")).toMatchObject({ status: 400, json: { fields: { cursor: [expect.stringContaining("nextCursor")] } } });
    expect(await call("dana", "get", "/api/v1/audit?page=2")).toMatchObject({ status: 400, json: { fields: { page: [expect.stringContaining("cursor")] } } });
  });

  it("a client check's token fetches its script and sends one report; nothing else does", async () => {
    const request = await h.file("alice", { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000002", securityGroupIds: ["sg-0aaa0000000000011"] });
    await h.act("bob", request.id, "approve");
    await h.run(request.id);
    const issued = await createClientCheck({ ...h.person("alice") }, request.id);
    tokens.set("client-check", issued.token);
    expect(await call("alice", "get", "/api/v1/client-checks/script")).toMatchObject({ status: 401 });
    const script = await call("client-check", "get", "/api/v1/client-checks/script");
    expect(script.status).toBe(200);
    expect(String(script.json.text)).toContain(`client check for request #${request.number}`);
    const results = issued.targets.map((t) => ({ host: t.host, port: t.port, resolved: ["10.0.1.10"], tcp: "ok", tls: "ok" }));
    expect(await call("client-check", "post", "/api/v1/client-checks/report", { hostname: "etl-1", results: [] })).toMatchObject({ status: 400 });
    const recorded = await call("client-check", "post", "/api/v1/client-checks/report", { hostname: "etl-1", results });
    expect(recorded).toMatchObject({ status: 200, json: { requestNumber: request.number, summary: `${results.length} of ${results.length} broker addresses reached` } });
    expect(await call("client-check", "post", "/api/v1/client-checks/report", { hostname: "etl-1", results })).toMatchObject({ status: 401 });
  });

  it("tells automation what a token's scope allows", () => {
    expect(doc.components.securitySchemes.bearer.description).toMatch(/`read`.*GET.*403.*`write`/);
    type Operation = { responses: Record<string, { description?: string }>; security?: unknown[] };
    const paths: Record<string, Record<string, Operation>> = doc.paths;
    // Operations with a credential of their own (the client check's token) have no API token scope to refuse.
    const writes = Object.values(paths).flatMap((ops) => Object.entries(ops).filter(([method, op]) => method !== "get" && !op.security).map(([, op]) => op));
    expect(writes.length).toBeGreaterThan(0);
    for (const op of writes) expect(op.responses[403]?.description).toContain("read-only");
  });

  it("exercised every documented operation", () => {
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.filter((op) => !exercised.has(op))).toEqual([]);
  });
});
