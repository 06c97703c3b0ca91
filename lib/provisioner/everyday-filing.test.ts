import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { assertConfirmed } from "@/lib/db/requests/assert-confirmed";
import { DuplicateRequestError } from "@/lib/db/requests/filing-checks";
import { listApprovalQueue } from "@/lib/db/requests/list-approval-queue";
import type { ClientLocation, RequestInput } from "@/lib/domain/request-input";
import { parseRequestFilter } from "@/lib/domain/requests/request-filter";
import { ExpectedError } from "@/lib/errors/expected-error";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

import { fileRequest } from "./plan-requests";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";

const ORDERS = DEMO_CLUSTERS[0]?.arn ?? "";
const ANALYTICS = DEMO_CLUSTERS[1]?.arn ?? "";
const vpc = (accountId: string, region: string, vpcId: string, sg: string): ClientLocation => ({ type: "aws-vpc", accountId, region, vpcId, securityGroupIds: [sg] });
const PAYMENTS_VPC = vpc("222222222222", "us-east-1", "vpc-0bbb0000000000001", "sg-0bbb0000000000001");

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h.close());

const filing = (client: ClientLocation, extra: Partial<RequestInput> = {}): RequestInput => ({
  clusterArn: ORDERS,
  client,
  authModes: ["iam"],
  environment: "dev",
  justification: "The nightly job reads order events",
  ...extra,
});
const counts = async () => ({ requests: await h.prisma.accessRequest.count(), events: await h.prisma.auditEvent.count() });

/** The filing is refused with these field errors and leaves no request and no audit event behind. */
async function expectRefusedAndNothingStored(file: () => Promise<unknown>): Promise<ExpectedError> {
  const before = await counts();
  const error = await file().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExpectedError);
  expect(await counts()).toEqual(before);
  return error as ExpectedError;
}

describe("what the form already knows is refused at its field, nothing stored", () => {
  it("an auth mode the cluster does not enable", async () => {
    const refused = await expectRefusedAndNothingStored(() => fileRequest(h.person("alice"), filing(PAYMENTS_VPC, { clusterArn: ANALYTICS, authModes: ["scram"] }), { via: "web" }));
    expect(refused.fieldErrors).toEqual({ authModes: [expect.stringMatching(/^analytics-dev does not enable SASL\/SCRAM client authentication: choose/)] });
  });

  it("multi-VPC private connectivity for a client in another Region", async () => {
    const west = vpc("111111111111", "us-west-2", "vpc-0aaa0000000000003", "sg-0aaa0000000000021");
    const refused = await expectRefusedAndNothingStored(() => fileRequest(h.person("alice"), filing(west, { preferredMethod: "multi-vpc-private-connectivity" }), { via: "web" }));
    expect(refused.fieldErrors).toEqual({ preferredMethod: [expect.stringContaining("reaches only clients in us-east-1")] });
  });

  it("a peering across overlapping CIDRs, pointing at multi-VPC private connectivity", async () => {
    const overlapping = vpc("222222222222", "us-east-1", "vpc-0bbb0000000000003", "sg-0bbb0000000000021");
    const refused = await expectRefusedAndNothingStored(() => fileRequest(h.person("alice"), filing(overlapping), { via: "api" }));
    expect(refused.fieldErrors).toEqual({ preferredMethod: [expect.stringMatching(/overlap \(10\.0\.0\.0\/16 and 10\.0\.0\.0\/16\).*Tick multi-VPC private connectivity/)] });
  });
});

describe("a client and cluster a live request already connects", () => {
  it("is refused as a conflict naming that request until the requester files anyway", async () => {
    const first = await h.file("alice", PAYMENTS_VPC);
    const refused = await expectRefusedAndNothingStored(() => fileRequest(h.person("alice"), filing(PAYMENTS_VPC), { via: "api" }));
    expect(refused).toBeInstanceOf(DuplicateRequestError);
    expect(refused.status).toBe(409);
    expect(refused.fieldErrors?.fileAnyway?.[0]).toContain(`#${first.number}`);
    expect((refused as DuplicateRequestError).live).toEqual(expect.arrayContaining([{ id: first.id, number: first.number }]));
    // Another cluster, or the same cluster once the first request is gone, is no duplicate.
    await h.prisma.accessRequest.updateMany({ where: { client: { path: ["vpcId"], equals: "vpc-0bbb0000000000001" } }, data: { status: "DECOMMISSIONED" } });
    const fresh = await fileRequest(h.person("alice"), filing(PAYMENTS_VPC), { via: "api" });
    const anyway = await fileRequest(h.person("alice"), filing(PAYMENTS_VPC), { via: "api", fileAnyway: true });
    const submitted = await h.prisma.auditEvent.findFirstOrThrow({ where: { requestId: anyway.id, action: "request.submit" } });
    expect(submitted.details).toMatchObject({ filedAnyway: true });
    expect(fresh.id).not.toBe(anyway.id);
  });
});

describe("filed from another request", () => {
  it("records where it came from; re-filing one that needs changes cancels it with the new number as the reason", async () => {
    await h.prisma.accessRequest.updateMany({ where: { client: { path: ["vpcId"], equals: "vpc-0bbb0000000000001" } }, data: { status: "DECOMMISSIONED" } });
    const source = await h.file("alice", PAYMENTS_VPC);
    const stored = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: source.id } });
    const plan = stored.plan as { plan: { preflight: unknown[] } };
    // A blocking finding only AWS can clear (a quota), as discovery would find it after filing.
    const blocked = { ...plan, plan: { ...plan.plan, approvable: false, preflight: [{ severity: "block", code: "quota-routes-per-table", message: "The route table is full", remedy: "Ask for a higher quota" }] } };
    await h.prisma.accessRequest.update({ where: { id: source.id }, data: { plan: blocked } });

    const refiled = await fileRequest(h.person("alice"), filing(PAYMENTS_VPC, { justification: "The nightly job reads order events, re-filed" }), { via: "web", filedFrom: source.id });
    const submitted = await h.prisma.auditEvent.findFirstOrThrow({ where: { requestId: refiled.id, action: "request.submit" } });
    expect(submitted.details).toMatchObject({ filedFrom: { id: source.id, number: source.number } });
    expect(await h.status(source.id)).toBe("CANCELLED");
    const cancelled = await h.prisma.auditEvent.findFirstOrThrow({ where: { requestId: source.id, action: "request.cancel" } });
    expect(cancelled.details).toMatchObject({ comment: `Re-filed as request #${refiled.number}`, refiledAs: { id: refiled.id } });
  });

  it("a similar request from one awaiting approval is still its duplicate, and leaves it alone", async () => {
    const source = await h.file("alice", PAYMENTS_VPC);
    const refused = await expectRefusedAndNothingStored(() => fileRequest(h.person("alice"), filing(PAYMENTS_VPC), { via: "web", filedFrom: source.id }));
    expect(refused).toBeInstanceOf(DuplicateRequestError);
    await fileRequest(h.person("alice"), filing(PAYMENTS_VPC), { via: "web", filedFrom: source.id, fileAnyway: true });
    expect(await h.status(source.id)).toBe("SUBMITTED");
  });

  it("refuses a source the requester may not see", async () => {
    const alices = await h.file("alice", PAYMENTS_VPC);
    const carolClient = vpc("111111111111", "us-east-1", "vpc-0aaa0000000000002", "sg-0aaa0000000000011");
    const refused = await expectRefusedAndNothingStored(() => fileRequest(h.person("carol"), filing(carolClient), { via: "web", filedFrom: alices.id }));
    expect(refused.fieldErrors).toHaveProperty("filedFrom");
  });
});

describe("the approval queue", () => {
  it("leaves out requests that need changes and keeps the ones an approver can decide", async () => {
    const approvable = await h.file("alice", PAYMENTS_VPC);
    const needsChanges = await h.file("alice", PAYMENTS_VPC);
    const failed = await h.file("alice", PAYMENTS_VPC);
    const row = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: needsChanges.id } });
    const plan = row.plan as { plan: object };
    await h.prisma.accessRequest.update({ where: { id: needsChanges.id }, data: { plan: { ...plan, plan: { ...plan.plan, approvable: false } } } });
    await h.prisma.accessRequest.update({ where: { id: failed.id }, data: { plan: { computedAt: new Date().toISOString(), error: { message: "DescribeVpcs was denied" } } } });
    const queue = await listApprovalQueue(h.person("bob"), { page: 1, pageSize: 500 });
    const ids = queue.rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([approvable.id, failed.id]));
    expect(ids).not.toContain(needsChanges.id);
    expect(queue.total).toBe(queue.rows.length);
  });

  it("never lists an approver's own request, searches by number and says when a page is past the end", async () => {
    const erins = await h.file("erin", PAYMENTS_VPC);
    const alices = await h.file("alice", PAYMENTS_VPC);
    const inQueue = async (name: string) => (await listApprovalQueue(h.person(name), { page: 1, pageSize: 500 })).rows.map((r) => r.id);
    expect(await inQueue("erin")).not.toContain(erins.id);
    expect(await inQueue("erin")).toContain(alices.id);
    expect(await inQueue("bob")).toEqual(expect.arrayContaining([erins.id, alices.id]));

    const byNumber = parseRequestFilter({ q: `#${alices.number}` }).filter;
    const found = await listApprovalQueue(h.person("bob"), { page: 1, pageSize: 20, filter: byNumber });
    expect(found.rows.map((r) => r.id)).toEqual([alices.id]);
    expect(found.total).toBe(1);
    const past = await listApprovalQueue(h.person("bob"), { page: 3, pageSize: 20, filter: byNumber });
    expect(past).toMatchObject({ rows: [], total: 1, pages: 1, outOfRange: true });
    // A filter that matches only requests past their decision finds nothing waiting.
    await h.prisma.accessRequest.update({ where: { id: alices.id }, data: { status: "CANCELLED" } });
    expect((await listApprovalQueue(h.person("bob"), { page: 1, pageSize: 20, filter: byNumber })).total).toBe(0);
  });
});

describe("confirming a production request by its number", () => {
  it("refuses the wrong number at its field and accepts the right one", async () => {
    const filed = await h.fileWith("alice", vpc("111111111111", "us-east-1", "vpc-0aaa0000000000002", "sg-0aaa0000000000011"), { environment: "prod" });
    const wrong = await assertConfirmed(h.person("alice"), filed.id, String(filed.number + 1)).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ExpectedError);
    expect((wrong as ExpectedError).fieldErrors).toEqual({ confirmation: [`This is a production connection: type its number, ${filed.number}, to confirm`] });
    await expect(assertConfirmed(h.person("alice"), filed.id, String(filed.number))).resolves.toBeUndefined();
  });
});
