import { CreateRouteCommand, DeleteRouteCommand, DescribeSecurityGroupRulesCommand, ModifyVpcPeeringConnectionOptionsCommand, RevokeSecurityGroupIngressCommand } from "@aws-sdk/client-ec2";
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

  it("reports an inbound rule another request made once someone revokes it, and does not write the same finding twice", async () => {
    const first = await h.file("alice", CROSS_ACCOUNT, { authModes: ["tls"] });
    await h.act("bob", first.id, "approve");
    await h.run(first.id);
    // Port 9094 is open already for the first request's TLS clients: the second adds only SCRAM's rule.
    const second = await h.file("alice", CROSS_ACCOUNT, { authModes: ["tls", "scram"] });
    await h.act("bob", second.id, "approve");
    await h.run(second.id);
    expect([await h.status(first.id), await h.status(second.id)]).toEqual(["ACTIVE", "ACTIVE"]);
    const deps = await h.deps();
    expect(await checkDrift(second.id, deps)).toEqual([]);

    const claims = await h.prisma.resourceClaim.findMany({
      where: { requestId: second.id, stepKey: null, releasedAt: null, resource: { startsWith: "sgr-" } },
      orderBy: { resource: "asc" },
    });
    const ruleIds = claims.map((c) => c.resource);
    expect(ruleIds.length).toBeGreaterThan(0);
    const ec2 = engineers().ec2(CLUSTER.account, CLUSTER.region);
    const rules = (await ec2.send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: ruleIds }))).SecurityGroupRules ?? [];
    for (const rule of rules) await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: rule.GroupId, SecurityGroupRuleIds: [rule.SecurityGroupRuleId ?? ""] }));
    const problems = ruleIds.map((id) => ({ step: "relied-on", summary: `security group rule ${id} (relied on)`, problem: `Security group rule ${id} is gone` }));
    expect(await checkDrift(second.id, deps)).toEqual(problems);
    expect(await checkDrift(second.id, deps)).toEqual(problems);
    const audit = await h.prisma.auditEvent.findMany({ where: { requestId: second.id, action: { startsWith: "request.drift" } } });
    expect(audit.map((e) => e.action)).toEqual(["request.drift-detected"]);
  });
});
