import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { policyFormSchema } from "@/lib/domain/approval-policy";
import type { ClientLocation, RequestInput } from "@/lib/domain/request-input";
import { fileRequest } from "./plan-requests";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

import { approvalViewOf } from "@/lib/db/approval-policies/approval-views";
import { createFreeze, overrideFreeze } from "@/lib/db/approval-policies/manage-freezes";
import { deletePolicy, movePolicy, savePolicy } from "@/lib/db/approval-policies/manage-policies";
import { loadPolicies } from "@/lib/db/approval-policies/policy-rows";
import { settlePendingApprovals } from "@/lib/db/approval-policies/settle-approval";

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h?.close());

const ANALYTICS_DEV = DEMO_CLUSTERS[1]?.arn ?? "";
const SAME_VPC: ClientLocation = { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000001", securityGroupIds: ["sg-0aaa0000000000002"] };
const CROSS_ACCOUNT: ClientLocation = { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };
const erinActor = () => ({ kind: "user" as const, userId: h.person("erin").id, label: "erin@example.com" });

// Filing the same client again is the point here, so each filing says "file anyway".
const file = (client: ClientLocation, extra: Partial<RequestInput> = {}) =>
  fileRequest(
    h.person("alice"),
    { clusterArn: DEMO_CLUSTERS[0]?.arn ?? "", client, authModes: ["iam"], environment: "dev", justification: "Approval policy workflow test", ...extra },
    { via: "api", fileAnyway: true },
  );

const actions = async (requestId: string) =>
  (await h.prisma.auditEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } })).map((e) => [e.action, e.actorLabel]);

/** Ends every freeze now, as if its window had passed. */
const endFreezes = () => h.prisma.changeFreeze.updateMany({ data: { startsAt: new Date(Date.now() - 120_000), endsAt: new Date(Date.now() - 60_000) } });
const freezeNow = (reason = "Year-end change freeze") =>
  createFreeze(erinActor(), { startsAt: new Date(Date.now() - 1000), endsAt: new Date(Date.now() + 3_600_000), reason });

describe("a prod request under the demo policy: two approvals, one from platform-network", () => {
  it("records each approval and becomes APPROVED only with the second, then provisions", async () => {
    const request = await file(CROSS_ACCOUNT, { environment: "prod" });
    expect(request.status).toBe("SUBMITTED");
    const before = await approvalViewOf(request.id);
    expect(before?.evaluation).toMatchObject({ policyName: "Production needs two approvals, one from platform-network", policyVersion: 1, why: ["environment is prod"] });
    expect(before?.progress?.summary).toBe("0 of 2 approvals; needs one from platform-network");

    // Separation of duties: the requester's approval is refused and nothing is recorded.
    await expect(h.act("alice", request.id, "approve")).rejects.toThrow(/Only approvers/);
    const first = await h.act("erin", request.id, "approve");
    expect(first).toMatchObject({ status: "SUBMITTED", pending: "Approval recorded: 1 of 2 approvals; needs one from platform-network." });
    await expect(h.act("erin", request.id, "approve")).rejects.toThrow(/already approved/);
    // Another approver outside platform-network would leave it as far from its policy as before.
    const zed = await h.prisma.user.create({ data: { email: "zed@example.com", name: "Zed Approver", roles: ["approver"] } });
    const zedActor = { kind: "user" as const, userId: zed.id, roles: zed.roles, teamIds: [] };
    const { transitionRequest } = await import("@/lib/db/requests/transition-request");
    await expect(transitionRequest({ requestId: request.id, action: "approve", actor: zedActor, auditActor: { kind: "user", userId: zed.id, label: zed.email } })).rejects.toThrow(
      /still needs one from platform-network/,
    );
    expect(await h.status(request.id)).toBe("SUBMITTED");

    const second = await h.act("bob", request.id, "approve");
    expect(second.status).toBe("APPROVED");
    expect((await approvalViewOf(request.id))?.approvals.map((a) => a.label)).toEqual(["erin@example.com", "bob@example.com"]);
    const approve = await h.prisma.auditEvent.findFirstOrThrow({ where: { requestId: request.id, action: "request.approve" } });
    expect(approve).toMatchObject({ actorLabel: "bob@example.com", details: expect.objectContaining({ approvedBy: ["erin@example.com", "bob@example.com"], version: 1 }) });
    expect((await actions(request.id)).filter(([a]) => a === "request.approval-recorded")).toEqual([
      ["request.approval-recorded", "erin@example.com"],
      ["request.approval-recorded", "bob@example.com"],
    ]);

    await h.run(request.id);
    expect(await h.status(request.id)).toBe("ACTIVE");
  });
});

describe("a dev same-VPC request on analytics-dev: approved by the policy", () => {
  it("is approved right after planning, with the policy's name and version, and provisions with no person", async () => {
    const request = await file(SAME_VPC, { clusterArn: ANALYTICS_DEV });
    expect(request.status).toBe("APPROVED");
    const row = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row).toMatchObject({ decidedById: null, decisionComment: 'Approved by the approval policy "Dev same-VPC requests on analytics-dev are approved automatically" (version 1)' });
    expect(await actions(request.id)).toEqual(
      expect.arrayContaining([
        ["request.policy-applied", "approval policy"],
        ["request.approve", "approval policy"],
      ]),
    );
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("ACTIVE");
  });

  it("a person cannot approve what the policy approves by itself", async () => {
    await freezeNow();
    try {
      const request = await file(SAME_VPC, { clusterArn: ANALYTICS_DEV, authModes: ["plaintext"] });
      expect(request.status).toBe("SUBMITTED");
      await expect(h.act("bob", request.id, "approve")).rejects.toThrow(/approves this request by itself/);
    } finally {
      await endFreezes();
    }
    await settlePendingApprovals();
  });
});

describe("change freezes", () => {
  it("hold an auto-approval until the window ends, then the sweep approves", async () => {
    await freezeNow();
    const request = await file(SAME_VPC, { clusterArn: ANALYTICS_DEV });
    expect(request.status).toBe("SUBMITTED");
    expect((await approvalViewOf(request.id))?.hold).toMatchObject({ reason: "Year-end change freeze" });
    await settlePendingApprovals();
    expect(await h.status(request.id)).toBe("SUBMITTED");
    await endFreezes();
    await settlePendingApprovals();
    expect(await h.status(request.id)).toBe("APPROVED");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("ACTIVE");
  });

  it("hold an approved request out of provisioning until the window ends", async () => {
    const request = await file(CROSS_ACCOUNT);
    await freezeNow();
    // A person's approval is recorded during a freeze; the request is approved when the freeze ends.
    expect(await h.act("bob", request.id, "approve")).toMatchObject({ status: "SUBMITTED", pending: expect.stringMatching(/change freeze \(Year-end change freeze\) holds the request until/) });
    await endFreezes();
    await settlePendingApprovals();
    expect(await h.status(request.id)).toBe("APPROVED");

    await freezeNow("Incident freeze");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("APPROVED");
    expect(await h.prisma.planStep.count({ where: { requestId: request.id } })).toBe(0);
    await endFreezes();
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("ACTIVE");
  });

  it("let one request through when an admin overrides, with the reason audited", async () => {
    const request = await file(CROSS_ACCOUNT);
    await freezeNow();
    try {
      await h.act("bob", request.id, "approve");
      const erin = h.person("erin");
      await overrideFreeze(erinActor(), erin, request.id, "Payments outage fix, CAB-1234");
      await settlePendingApprovals();
      expect(await h.status(request.id)).toBe("APPROVED");
      await h.run(request.id);
      expect(await h.status(request.id)).toBe("ACTIVE");
      const override = await h.prisma.auditEvent.findFirstOrThrow({ where: { requestId: request.id, action: "request.freeze-override" } });
      expect(override).toMatchObject({ actorLabel: "erin@example.com", details: { reason: "Payments outage fix, CAB-1234" } });
    } finally {
      await endFreezes();
    }
  });
});

describe("policies edited by admins", () => {
  const rejectSaas = policyFormSchema.parse({
    name: "SaaS clients go through the vendor desk",
    match: { scenarios: ["saas"] },
    outcome: { kind: "reject", reason: "SaaS providers are connected by the vendor desk: open a ticket there" },
    requireEndDate: true,
    maxDurationDays: 30,
  });
  const SAAS: ClientLocation = { type: "saas", accountId: "444444444444", providerName: "StreamCo" };

  it("reject automatically with the reason; an edit is a new version that later requests record", async () => {
    const { id } = await savePolicy(erinActor(), rejectSaas);
    const rejected = await file(SAAS);
    expect(rejected.status).toBe("REJECTED");
    expect((await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: rejected.id } })).decisionComment).toMatch(/SaaS providers are connected by the vendor desk/);
    expect((await approvalViewOf(rejected.id))?.evaluation).toMatchObject({ policyVersion: 1, requireEndDate: true, maxDurationDays: 30 });

    expect(await savePolicy(erinActor(), { ...rejectSaas, outcome: { kind: "approvals", count: 1, fromTeam: null, fromClusterOwner: true } }, id)).toEqual({ id, version: 2 });
    const owned = await file(SAAS);
    expect(owned.status).toBe("SUBMITTED");
    const view = await approvalViewOf(owned.id);
    expect(view?.evaluation).toMatchObject({ policyId: id, policyVersion: 2 });
    expect(view?.progress?.needed).toEqual(["one from the team that owns orders-prod (none is set: an admin sets it under Admin, then re-plan)"]);
    // The first request still names the version that applied to it.
    expect((await approvalViewOf(rejected.id))?.evaluation?.policyVersion).toBe(1);

    await deletePolicy(erinActor(), id);
    expect((await file(SAAS)).status).toBe("SUBMITTED");
    expect(await h.prisma.auditEvent.count({ where: { action: { in: ["approval-policy.create", "approval-policy.update", "approval-policy.delete"] } } })).toBe(3);
  });

  it("are asked in their order; the default is last and cannot be deleted", async () => {
    const policies = await loadPolicies(h.prisma);
    // The SaaS policy of the test above is deleted.
    expect(policies.map((p) => p.name)).toEqual([
      "Production needs two approvals, one from platform-network",
      "Dev same-VPC requests on analytics-dev are approved automatically",
      "Default: one approval",
    ]);
    await movePolicy(erinActor(), policies[1]?.id ?? "", "up");
    expect((await loadPolicies(h.prisma)).map((p) => p.name)[0]).toBe("Dev same-VPC requests on analytics-dev are approved automatically");
    await expect(movePolicy(erinActor(), policies[1]?.id ?? "", "up")).rejects.toThrow(/already first/);
    await expect(deletePolicy(erinActor(), "default")).rejects.toThrow(/cannot be deleted/);
    await movePolicy(erinActor(), policies[1]?.id ?? "", "down");
  });
});

describe("who may decommission follows the policy that applied", () => {
  it("a staging connection under an operators-only policy is decommissioned by an approver, not by its team", async () => {
    const { id } = await savePolicy(
      erinActor(),
      policyFormSchema.parse({
        name: "Staging connections are taken down by the platform team",
        match: { environments: ["staging"] },
        outcome: { kind: "approvals", count: 1, fromTeam: null, fromClusterOwner: false },
        requireEndDate: false,
        maxDurationDays: null,
        decommissionBy: "operators",
      }),
    );
    try {
      const request = await file(CROSS_ACCOUNT, { environment: "staging" });
      expect((await approvalViewOf(request.id))?.evaluation).toMatchObject({ policyId: id, decommissionBy: "operators" });
      await h.act("bob", request.id, "approve");
      await h.run(request.id);
      expect(await h.status(request.id)).toBe("ACTIVE");
      const before = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
      await expect(h.act("alice", request.id, "decommission")).rejects.toThrow(/approval policy lets only operators/);
      expect(await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).toEqual(before);
      expect((await h.act("bob", request.id, "decommission")).status).toBe("DECOMMISSIONING");
      await h.run(request.id);
      expect(await h.status(request.id)).toBe("DECOMMISSIONED");
      // A request filed under the default policy is still the team's to decommission.
      expect((await approvalViewOf((await file(CROSS_ACCOUNT)).id))?.evaluation?.decommissionBy).toBe("team-or-operator");
    } finally {
      await deletePolicy(erinActor(), id);
    }
  });
});
