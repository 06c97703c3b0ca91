import { DescribeVpcPeeringConnectionsCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { snapshot } from "@/lib/aws/steps/testing/sandbox-state";
import { eventually } from "@/lib/aws/testing/eventually";
import type { ClientLocation } from "@/lib/domain/request-input";

import { checkDrift } from "./check-drift";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";
import { stepKindColumn } from "@/lib/db/enums/domain-enums";

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h?.close());

const CROSS_ACCOUNT: ClientLocation = { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };

async function clusterSideDns(pcx: string): Promise<boolean | undefined> {
  const out = await h.env.access.ec2("111111111111", "us-east-1").send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [pcx] }));
  return out.VpcPeeringConnections?.[0]?.RequesterVpcInfo?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc;
}

const liveClaims = (requestId: string) =>
  h.prisma.resourceClaim.findMany({ where: { requestId, releasedAt: null }, select: { resource: true, kind: true, stepKey: true } });

describe("two requests share a peering, and the first is decommissioned", () => {
  it("keeps the peering's DNS option on for the second, whose drift check stays clean", async () => {
    const before = await snapshot(h.env);
    const first = await h.file("alice", CROSS_ACCOUNT);
    await h.act("bob", first.id, "approve");
    await h.run(first.id);
    expect(await h.status(first.id)).toBe("ACTIVE");
    const peeringStep = await h.prisma.planStep.findFirstOrThrow({ where: { requestId: first.id, kind: stepKindColumn.toDb("create-peering") } });
    const pcx = (peeringStep.outputs as Record<string, string>).VpcPeeringConnectionId ?? "";
    expect(await clusterSideDns(pcx)).toBe(true);
    expect(await liveClaims(first.id)).toEqual(
      expect.arrayContaining([
        { resource: pcx, kind: "CREATED", stepKey: "create-peering" },
        { resource: `${pcx}:requester`, kind: "CREATED", stepKey: "enable-peering-dns" },
      ]),
    );

    // Planned once the first is ACTIVE: the peering and its DNS option are there, so the plan has no step for them.
    const second = await h.file("alice", CROSS_ACCOUNT, { authModes: ["scram"] });
    await h.act("bob", second.id, "approve");
    await h.run(second.id);
    expect(await h.status(second.id)).toBe("ACTIVE");
    expect(await liveClaims(second.id)).toEqual(
      expect.arrayContaining([
        { resource: pcx, kind: "RELIED_ON", stepKey: null },
        { resource: `${pcx}:requester`, kind: "RELIED_ON", stepKey: null },
      ]),
    );

    await h.act("alice", first.id, "decommission");
    await h.run(first.id);
    expect(await h.status(first.id)).toBe("DECOMMISSIONED");
    expect(await clusterSideDns(pcx)).toBe(true);
    expect(await checkDrift(second.id, await h.deps())).toEqual([]);
    const dnsStep = await h.prisma.planStep.findFirstOrThrow({ where: { requestId: first.id, kind: stepKindColumn.toDb("enable-peering-dns") } });
    expect([dnsStep.status, dnsStep.error]).toEqual(["SKIPPED", `Kept: used by #${second.number}`]);
    // The first relies on nothing now; its claims on what it made and kept stay open as kept, naming the maker.
    expect(await h.prisma.resourceClaim.count({ where: { requestId: first.id, releasedAt: null, keptAt: null } })).toBe(0);
    const kept = await h.prisma.resourceClaim.findMany({ where: { requestId: first.id, releasedAt: null }, select: { resource: true, kind: true } });
    expect(kept).toEqual(expect.arrayContaining([{ resource: pcx, kind: "CREATED" }, { resource: `${pcx}:requester`, kind: "CREATED" }]));

    await h.act("alice", second.id, "decommission");
    await h.run(second.id);
    expect(await h.status(second.id)).toBe("DECOMMISSIONED");
    expect(await liveClaims(second.id)).toEqual([]);
    // With the last user gone, what the first kept is removed and its kept claims released.
    expect(await liveClaims(first.id)).toEqual([]);
    await eventually(async () => JSON.stringify(await snapshot(h.env)) === JSON.stringify(before), 10_000).catch(() => undefined);
    expect(await snapshot(h.env)).toEqual(before);
  });
});
