import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientLocation } from "@/lib/domain/request-input";
import { DEFAULT_TOPOLOGY } from "@/lib/sandbox";
import { stillSettling } from "./settling";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";

describe("stillSettling", () => {
  const since = 1_000_000;
  it.each<[string, { kind: "not-found" | "permission" | "invalid"; code: string }, number | null, number, boolean]>([
    ["NotFound just after the share", { kind: "not-found", code: "InvalidTransitGatewayID.NotFound" }, since, since + 5_000, true],
    ["a cluster policy not in effect yet", { kind: "permission", code: "ForbiddenException" }, since, since + 5_000, true],
    ["the same NotFound after the window", { kind: "not-found", code: "InvalidTransitGatewayID.NotFound" }, since, since + 120_001, false],
    ["no share, acceptance or policy step before it", { kind: "not-found", code: "InvalidTransitGatewayID.NotFound" }, null, since, false],
    ["an expired token is never propagation", { kind: "permission", code: "ExpiredToken" }, since, since + 5_000, false],
    ["an invalid request is never propagation", { kind: "invalid", code: "InvalidParameterValue" }, since, since + 5_000, false],
  ])("%s", (_name, info, changedAt, now, expected) => {
    expect(stillSettling(info, changedAt, now, 120_000)).toBe(expected);
  });
});

const OTHER_ACCOUNT: ClientLocation = {
  type: "aws-vpc",
  accountId: "222222222222",
  region: "us-east-1",
  vpcId: "vpc-0bbb0000000000001",
  securityGroupIds: ["sg-0bbb0000000000001"],
};

let h: ProvisioningHarness;
beforeAll(async () => {
  // The share reaches the accounts 0.5 s (real time) after it is made; the attachments are made at once.
  h = await startProvisioningHarness({ topology: { ...DEFAULT_TOPOLOGY, sharePropagationMs: 500_000 } });
  await h.prisma.platformSettings.update({ where: { id: 1 }, data: { crossAccountVpcVia: "transit-gateway" } });
});
afterAll(() => h.close());

describe("a dependent step right after a RAM share (eventual consistency)", () => {
  it("fails with AWS's own error once the window is over", async () => {
    const request = await h.file("alice", OTHER_ACCOUNT);
    await h.act("bob", request.id, "approve");
    await h.run(request.id, { settleWindowMs: 50 });
    expect(await h.status(request.id)).toBe("FAILED");
    const failed = await h.prisma.planStep.findFirstOrThrow({ where: { requestId: request.id, status: "FAILED" } });
    expect(failed.key).toMatch(/^attach-vpc-to-tgw:/);
    expect(failed.error).toMatch(/InvalidTransitGatewayID\.NotFound/);
    await h.act("bob", request.id, "rollback");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("ROLLED_BACK");
    expect(await h.prisma.resourceClaim.count({ where: { requestId: request.id, releasedAt: null } })).toBe(0);
  });

  it("retries NotFound while the share propagates, then succeeds", async () => {
    const request = await h.file("alice", OTHER_ACCOUNT);
    await h.act("bob", request.id, "approve");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("ACTIVE");
    // The first attachment after the shares waits the propagation out; the second finds it done.
    const attach = await h.prisma.planStep.findFirstOrThrow({ where: { requestId: request.id, key: "attach-vpc-to-tgw:cluster" } });
    // One start plus at least one settling retry.
    expect(attach.attempts).toBeGreaterThan(1);
  });
});
