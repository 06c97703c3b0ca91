import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readStoredPlan } from "@/lib/domain/plan/stored-plan";
import type { ClientLocation } from "@/lib/domain/request-input";

import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";

const SAME_VPC: ClientLocation = {
  type: "aws-vpc",
  accountId: "111111111111",
  region: "us-east-1",
  vpcId: "vpc-0aaa0000000000001",
  securityGroupIds: ["sg-0aaa0000000000002"],
};
const OTHER_ACCOUNT: ClientLocation = {
  type: "aws-vpc",
  accountId: "222222222222",
  region: "us-east-1",
  vpcId: "vpc-0bbb0000000000001",
  securityGroupIds: ["sg-0bbb0000000000001"],
};

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
  // The platform connects other accounts through a hub whose transit gateway AWS does not know.
  const settings = await h.prisma.platformSettings.findUniqueOrThrow({ where: { id: 1 } });
  const [hub] = settings.transitHubs as { transitGatewayId: string }[];
  await h.prisma.platformSettings.update({
    where: { id: 1 },
    data: { crossAccountVpcVia: "transit-gateway", transitHubs: [{ ...hub, transitGatewayId: "tgw-0ccc00000000000ff" }] },
  });
});
afterAll(() => h.close());

const planOf = async (requestId: string) =>
  readStoredPlan(await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: requestId } }));

describe("a hub that cannot be read", () => {
  it("does not stop a plan that needs no hub", async () => {
    const stored = await planOf((await h.file("alice", SAME_VPC)).id);
    expect(stored).not.toHaveProperty("error");
    expect(stored?.plan?.approvable).toBe(true);
  });

  it("blocks a plan that needs it, saying which hub and why", async () => {
    const stored = await planOf((await h.file("alice", OTHER_ACCOUNT)).id);
    const blocks = stored?.plan?.preflight.filter((f) => f.severity === "block") ?? [];
    expect(blocks.map((f) => f.code)).toEqual(["transit-hub-unavailable"]);
    expect(blocks[0]?.message).toMatch(/^The transit gateway hub tgw-0ccc00000000000ff \(account 333333333333, us-east-1\) could not be read: /);
  });
});
