import { CreateRouteCommand, DeleteRouteCommand, ModifyVpcPeeringConnectionOptionsCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ClientLocation } from "@/lib/domain/request-input";

import { checkDrift } from "./check-drift";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";
import { stepKindColumn } from "@/lib/db/enums/domain-enums";

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h?.close());

const CLUSTER = { account: "111111111111", region: "us-east-1" };
const CROSS_ACCOUNT: ClientLocation = { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };

// The account's own engineers, not the portal: the sandbox's unrestricted role in every account.
const engineers = () => h.env.accessWith({ roleNameOrArn: () => "OrganizationAccountAccessRole", externalId: () => undefined });

const setClusterSideDns = (pcx: string, on: boolean) =>
  engineers()
    .ec2(CLUSTER.account, CLUSTER.region)
    .send(new ModifyVpcPeeringConnectionOptionsCommand({ VpcPeeringConnectionId: pcx, RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: on } }));

describe("drift of what a request relies on without a step of its own", () => {
  it("reports the shared peering's DNS option and a reused route when someone changes them, and clears once they are back", async () => {
    const first = await h.file("alice", CROSS_ACCOUNT);
    await h.act("bob", first.id, "approve");
    await h.run(first.id);
    const second = await h.file("alice", CROSS_ACCOUNT, { authModes: ["scram"] });
    await h.act("bob", second.id, "approve");
    await h.run(second.id);
    expect([await h.status(first.id), await h.status(second.id)]).toEqual(["ACTIVE", "ACTIVE"]);
    // The second request has no step for the peering, its DNS option or the routes: it found them in place.
    const secondKinds = (await h.prisma.planStep.findMany({ where: { requestId: second.id } })).map((s) => stepKindColumn.fromDb(s.kind));
    expect(secondKinds.filter((k) => ["create-peering", "enable-peering-dns", "create-route"].includes(k))).toEqual([]);
    const pcx = ((await h.prisma.planStep.findFirstOrThrow({ where: { requestId: first.id, kind: stepKindColumn.toDb("create-peering") } })).outputs as Record<string, string>)
      .VpcPeeringConnectionId ?? "";
    const deps = await h.deps();
    expect(await checkDrift(second.id, deps)).toEqual([]);

    await setClusterSideDns(pcx, false);
    expect(await checkDrift(second.id, deps)).toEqual([
      {
        step: "relied-on",
        summary: `DNS resolution from the remote VPC on the requester side of ${pcx} (relied on)`,
        problem: `DNS resolution from the remote VPC is off on the requester side of ${pcx}`,
      },
    ]);
    expect((await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: second.id } })).drift).not.toBeNull();
    await setClusterSideDns(pcx, true);

    const routeStep = await h.prisma.planStep.findFirstOrThrow({ where: { requestId: first.id, kind: stepKindColumn.toDb("create-route") }, orderBy: { position: "asc" } });
    const route = routeStep.input as { RouteTableId: string; DestinationCidrBlock: string };
    expect(await h.prisma.resourceClaim.count({ where: { requestId: second.id, resource: `${route.RouteTableId}|${route.DestinationCidrBlock}`, releasedAt: null } })).toBe(1);
    const ec2 = engineers().ec2(routeStep.accountId, routeStep.region);
    await ec2.send(new DeleteRouteCommand({ RouteTableId: route.RouteTableId, DestinationCidrBlock: route.DestinationCidrBlock }));
    expect(await checkDrift(second.id, deps)).toEqual([
      {
        step: "relied-on",
        summary: `route ${route.DestinationCidrBlock} in ${route.RouteTableId} (relied on)`,
        problem: `${route.RouteTableId} no longer routes ${route.DestinationCidrBlock}`,
      },
    ]);

    await ec2.send(new CreateRouteCommand({ RouteTableId: route.RouteTableId, DestinationCidrBlock: route.DestinationCidrBlock, VpcPeeringConnectionId: pcx }));
    expect(await checkDrift(second.id, deps)).toEqual([]);
    const audit = await h.prisma.auditEvent.findMany({ where: { requestId: second.id, action: { startsWith: "request.drift" } }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["request.drift-detected", "request.drift-detected", "request.drift-cleared"]);
  });
});
