import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { accessOrigin } from "@/lib/domain/catalog/existing-access";
import type { ClientLocation } from "@/lib/domain/request-input";
import { BROWNFIELD_TOPOLOGY_FILE, loadTopologyFile } from "@/lib/sandbox";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

import { portalAwsAccess } from "./portal-aws-access";
import { readClusterAccess } from "./read-cluster-access";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";

// A cluster account with history: a rule, a peering and routes that engineers made before the portal existed.
let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness({ topology: loadTopologyFile(BROWNFIELD_TOPOLOGY_FILE) });
});
afterAll(() => h?.close());

const PAYMENTS: ClientLocation = { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };

describe("access that exists without the portal", () => {
  it("is marked as not made by the portal, and as relied on once a request uses it", async () => {
    const arn = DEMO_CLUSTERS[0]?.arn ?? "";
    const before = await readClusterAccess(await portalAwsAccess(h.prisma), arn);
    if (!before.ok) throw new Error(before.error);
    const rule = before.items.find((i) => i.id === "sgr-0e0e0000000000001");
    expect(rule).toMatchObject({ kind: "sg-rule", madeBy: [], reliedOnBy: [] });
    expect(rule?.summary).toBe("sg-0aaa0000000000001: tcp 9098 from sg-0bbb0000000000001 (account 222222222222)");
    expect(before.items.every((i) => accessOrigin(i) === "not made by the portal")).toBe(true);

    const request = await h.file("alice", PAYMENTS);
    await h.act("bob", request.id, "approve");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("ACTIVE");
    const after = await readClusterAccess(await portalAwsAccess(h.prisma), arn);
    if (!after.ok) throw new Error(after.error);
    const reused = after.items.filter((i) => i.reliedOnBy.includes(request.number));
    expect(reused.map((i) => i.id)).toContain("sgr-0e0e0000000000001");
    expect(reused[0] ? accessOrigin(reused[0]) : "nothing relied on").toBe(`not made by the portal; relied on by request #${request.number}`);
  });
});
