import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BROWNFIELD_TOPOLOGY_FILE, loadTopologyFile } from "@/lib/sandbox";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { ACCOUNTS, BROKER_SG, MSK_VPC, PAYMENTS } from "./testing/fixtures";
import { runPlan, undoPlan, verifyPlan } from "./testing/run-plan";
import { snapshot } from "./testing/sandbox-state";
import { planFor } from "./testing/scenario-plan";

// The example brownfield network (lib/sandbox/topology/examples) keeps the default topology's ids for the
// cluster, its VPC, the payments VPC and the TGW, so the scenario fixtures apply to it.
const PEERING = "pcx-0e0e0000000000001";
const LEGACY = { id: "vpc-0bbb0000000000005", sg: "sg-0bbb0000000000041" };

let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess({ topology: loadTopologyFile(BROWNFIELD_TOPOLOGY_FILE) });
});
afterAll(() => env.close());
beforeEach(async () => {
  await env.control("POST", "/_sandbox/reset");
});

describe("planning and provisioning against a network that already exists", () => {
  it("reuses the active peering and its routes, adds only the DNS option and the missing port, and rollback keeps what was there", async () => {
    const plan = await planFor(env.access, {
      requestId: "req-brownfield-payments",
      client: { type: "aws-vpc", accountId: ACCOUNTS.apps, region: "us-east-1", vpcId: PAYMENTS.id, securityGroupIds: [PAYMENTS.sg] },
      authModes: ["iam", "scram"],
    });
    expect(plan.preflight.filter((f) => f.severity === "block")).toEqual([]);
    expect(plan.steps.map((s) => s.kind)).toEqual(["enable-peering-dns", "authorize-sg-ingress"]);
    expect(plan.steps[0]?.input.VpcPeeringConnectionId).toBe(PEERING);
    expect(plan.steps[1]?.input.IpPermissions).toMatchObject([{ FromPort: 9096, ToPort: 9096 }]);
    expect(plan.reuses).toEqual(expect.arrayContaining([PEERING, ...MSK_VPC.routeTables.map((rt) => `${rt}|${PAYMENTS.cidr}`)]));

    const before = await snapshot(env);
    const records = await runPlan(env.access, plan, "req-brownfield-payments");
    expect(await verifyPlan(env.access, plan, "req-brownfield-payments", records)).toEqual([]);
    const after = await snapshot(env);
    expect(after.rules[BROKER_SG]).toEqual([...(before.rules[BROKER_SG] ?? []), `in tcp 9096-9096 ${ACCOUNTS.apps}/${PAYMENTS.sg}`].sort());
    expect(after.routes).toEqual(before.routes);

    await undoPlan(env.access, plan, "req-brownfield-payments", records);
    expect(await snapshot(env)).toEqual(before);
  });

  it("a route the portal did not make, for the client's CIDR and going elsewhere, blocks the plan", async () => {
    const plan = await planFor(env.access, {
      requestId: "req-brownfield-legacy",
      client: { type: "aws-vpc", accountId: ACCOUNTS.apps, region: "us-east-1", vpcId: LEGACY.id, securityGroupIds: [LEGACY.sg] },
      authModes: ["iam"],
    });
    const conflicts = plan.preflight.filter((f) => f.code === "route-conflict");
    expect(conflicts.map((f) => f.severity)).toEqual(["block", "block"]);
    expect(conflicts.map((f) => f.message).join("\n")).toMatch(/rtb-0aaa0000000000001 \(cluster\) already routes 10\.40\.0\.0\/16 to pcx-0e0e0000000000002 \(blackhole\)/);
    expect(conflicts.map((f) => f.message).join("\n")).toMatch(/rtb-0bbb0000000000041 \(client\) already routes 10\.0\.0\.0\/16 to pcx-0e0e0000000000002 \(blackhole\)/);
  });
});
