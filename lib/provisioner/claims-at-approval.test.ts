import { DescribeVpcPeeringConnectionsCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { snapshot } from "@/lib/aws/steps/testing/sandbox-state";
import { eventually } from "@/lib/aws/testing/eventually";
import type { ClientLocation } from "@/lib/domain/request-input";

import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";
import { stepKindColumn } from "@/lib/db/enums/domain-enums";

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h?.close());

const CROSS_ACCOUNT: ClientLocation = { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };

async function peering(pcx: string) {
  const out = await h.env.access.ec2("111111111111", "us-east-1").send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [pcx] }));
  const found = out.VpcPeeringConnections?.[0];
  return { state: found?.Status?.Code, dns: found?.RequesterVpcInfo?.PeeringOptions?.AllowDnsResolutionFromRemoteVpc };
}

const liveClaims = (requestId: string) =>
  h.prisma.resourceClaim.findMany({ where: { requestId, releasedAt: null }, select: { resource: true, kind: true } });

describe("a request approved but not started yet", () => {
  it("holds the shared peering and its DNS option against another request's decommission, then provisions on them", async () => {
    const before = await snapshot(h.env);
    const first = await h.file("alice", CROSS_ACCOUNT);
    await h.act("bob", first.id, "approve");
    await h.run(first.id);
    expect(await h.status(first.id)).toBe("ACTIVE");
    const peeringStep = await h.prisma.planStep.findFirstOrThrow({ where: { requestId: first.id, kind: stepKindColumn.toDb("create-peering") } });
    const pcx = (peeringStep.outputs as Record<string, string>).VpcPeeringConnectionId ?? "";

    const second = await h.file("alice", CROSS_ACCOUNT, { authModes: ["scram"] });
    await h.act("bob", second.id, "approve");
    // The approval itself is what protects them: nothing of the second request has run.
    expect(await h.prisma.planStep.count({ where: { requestId: second.id } })).toBe(0);
    expect(await liveClaims(second.id)).toEqual(
      expect.arrayContaining([
        { resource: pcx, kind: "RELIED_ON" },
        { resource: `${pcx}:requester`, kind: "RELIED_ON" },
      ]),
    );

    await h.act("alice", first.id, "decommission");
    await h.run(first.id);
    expect(await h.status(first.id)).toBe("DECOMMISSIONED");
    expect(await peering(pcx)).toEqual({ state: "active", dns: true });

    await h.run(second.id);
    expect(await h.status(second.id)).toBe("ACTIVE");

    await h.act("alice", second.id, "decommission");
    await h.run(second.id);
    expect(await h.status(second.id)).toBe("DECOMMISSIONED");
    expect(await liveClaims(second.id)).toEqual([]);
    await eventually(async () => JSON.stringify(await snapshot(h.env)) === JSON.stringify(before), 10_000).catch(() => undefined);
    expect(await snapshot(h.env)).toEqual(before);
  });

});
