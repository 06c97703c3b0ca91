import {
  DeleteTransitGatewayVpcAttachmentCommand,
  DisableTransitGatewayRouteTablePropagationCommand,
  EnableTransitGatewayRouteTablePropagationCommand,
} from "@aws-sdk/client-ec2";
import { AssociateResourceShareCommand, DeleteResourceShareCommand, DisassociateResourceShareCommand } from "@aws-sdk/client-ram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ClientLocation } from "@/lib/domain/request-input";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";
import { DEFAULT_TOPOLOGY, type SandboxTopology } from "@/lib/sandbox";

import { checkDrift } from "./check-drift";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";

const TRANSIT = { account: "333333333333", region: "us-east-1" };
const APPS = "222222222222";
const PAYMENTS: ClientLocation = { type: "aws-vpc", accountId: APPS, region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };
const LEDGER: ClientLocation = { ...PAYMENTS, vpcId: "vpc-0bbb0000000000005", securityGroupIds: ["sg-0bbb0000000000041"] };

// A second VPC in the application account, so that its request makes an attachment of its own through the share
// the first request made, and relies on the cluster's attachment the first request made.
const withLedgerVpc = (t: SandboxTopology): SandboxTopology => ({
  ...t,
  accounts: t.accounts.map((a) =>
    a.id !== APPS
      ? a
      : {
          ...a,
          vpcs: [
            ...(a.vpcs ?? []),
            {
              id: "vpc-0bbb0000000000005",
              region: "us-east-1",
              cidrBlock: "10.22.0.0/16",
              enableDnsHostnames: true,
              enableDnsSupport: true,
              tags: { Name: "ledger" },
              routeTables: [{ id: "rtb-0bbb0000000000041", main: true }],
              subnets: [
                { id: "subnet-0bbb0000000000041", cidrBlock: "10.22.1.0/24", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1", routeTableId: "rtb-0bbb0000000000041" },
                { id: "subnet-0bbb0000000000042", cidrBlock: "10.22.2.0/24", availabilityZone: "us-east-1b", availabilityZoneId: "use1-az2", routeTableId: "rtb-0bbb0000000000041" },
              ],
              securityGroups: [{ id: "sg-0bbb0000000000041", name: "ledger-app", description: "Second client VPC of the account" }],
            },
          ],
        },
  ),
});

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness({ topology: withLedgerVpc(DEFAULT_TOPOLOGY) });
  await h.prisma.platformSettings.update({ where: { id: 1 }, data: { crossAccountVpcVia: "transit-gateway" } });
});
afterAll(() => h?.close());

const engineers = () => h.env.accessWith({ roleNameOrArn: () => "OrganizationAccountAccessRole", externalId: () => undefined });
const transitEc2 = () => engineers().ec2(TRANSIT.account, TRANSIT.region);
const transitRam = () => engineers().ram(TRANSIT.account, TRANSIT.region);

async function activeRequest(client: ClientLocation) {
  const request = await h.file("alice", client);
  await h.act("bob", request.id, "approve");
  await h.run(request.id);
  return request.id;
}

describe("drift of the TGW attachment, route table links and RAM share a request relies on", () => {
  it("reports each when a team changes it behind the portal's back, clears once it is back, and audits only changes", async () => {
    await activeRequest(PAYMENTS);
    const second = await activeRequest(LEDGER);
    expect(await h.status(second)).toBe("ACTIVE");
    const deps = await h.deps();
    expect(await checkDrift(second, deps)).toEqual([]);

    const stored = readStoredPlan(await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: second } }));
    const reuses = stored?.plan?.tgwTableReuses ?? [];
    const linkOf = (relation: string) => reuses.find((r) => r.relation === relation)?.id.split("|") ?? [];
    const [hubTable = "", attachment = ""] = linkOf("propagating");
    const [defaultTable = ""] = linkOf("not-propagating");
    expect(attachment).toMatch(/^tgw-attach-/);
    expect(defaultTable).toMatch(/^tgw-rtb-/);
    const shareArn = stored?.plan?.reuses.find((r) => r.startsWith("arn:aws:ram:") && !r.includes("|")) ?? "";
    expect(stored?.plan?.reuses).toContain(`${shareArn}|${APPS}`);
    // Each claim says where its resource is and which link of a route table is relied on: the check reads
    // the claim, not the plan.
    const claims = await h.prisma.resourceClaim.findMany({ where: { requestId: second, stepKey: null, releasedAt: null } });
    expect(claims.find((c) => c.resource === `${hubTable}|${attachment}`)).toMatchObject({
      accountId: TRANSIT.account,
      region: TRANSIT.region,
      relations: ["associated", "propagating"],
    });
    expect(claims.find((c) => c.resource === `${defaultTable}|${attachment}`)).toMatchObject({ accountId: TRANSIT.account, relations: ["not-associated", "not-propagating"] });
    expect(claims.find((c) => c.resource === shareArn)).toMatchObject({ accountId: TRANSIT.account, region: TRANSIT.region, relations: [] });
    expect(claims.every((c) => c.accountId !== null && c.region !== null)).toBe(true);
    const link = { TransitGatewayRouteTableId: hubTable, TransitGatewayAttachmentId: attachment };
    const toDefault = { TransitGatewayRouteTableId: defaultTable, TransitGatewayAttachmentId: attachment };

    await transitEc2().send(new DisableTransitGatewayRouteTablePropagationCommand(link));
    expect(await checkDrift(second, deps)).toEqual([
      {
        step: "relied-on",
        summary: `association of ${attachment} with ${hubTable} (relied on); propagation of ${attachment} into ${hubTable} (relied on)`,
        problem: `${attachment} no longer propagates into ${hubTable}`,
      },
    ]);
    await transitEc2().send(new EnableTransitGatewayRouteTablePropagationCommand(link));
    expect(await checkDrift(second, deps)).toEqual([]);

    // The first request took the cluster's attachment off the TGW's default propagation; someone puts it back.
    await transitEc2().send(new EnableTransitGatewayRouteTablePropagationCommand(toDefault));
    const backInDefault = await checkDrift(second, deps);
    expect(backInDefault.map((p) => p.problem)).toEqual([`${attachment} propagates into the default route table ${defaultTable} again`]);
    await transitEc2().send(new DisableTransitGatewayRouteTablePropagationCommand(toDefault));
    expect(await checkDrift(second, deps)).toEqual([]);

    await transitRam().send(new DisassociateResourceShareCommand({ resourceShareArn: shareArn, principals: [APPS] }));
    expect(await checkDrift(second, deps)).toEqual([
      { step: "relied-on", summary: `account ${APPS} in RAM share ${shareArn} (relied on)`, problem: `Account ${APPS} is no longer a principal of RAM share ${shareArn}` },
    ]);
    expect(await checkDrift(second, deps)).toHaveLength(1);
    await transitRam().send(new AssociateResourceShareCommand({ resourceShareArn: shareArn, principals: [APPS] }));
    expect(await checkDrift(second, deps)).toEqual([]);

    await transitRam().send(new DeleteResourceShareCommand({ resourceShareArn: shareArn }));
    await transitEc2().send(new DeleteTransitGatewayVpcAttachmentCommand({ TransitGatewayAttachmentId: attachment }));
    const problems = (await checkDrift(second, deps)).map((p) => p.problem ?? "");
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^RAM share ${shareArn} is (DELETED|DELETING|gone)$`)));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^Transit gateway attachment ${attachment} is (deleting|deleted|gone)$`)));
    expect(problems).toContain(`${attachment} is no longer associated with ${hubTable}; ${attachment} no longer propagates into ${hubTable}`);

    const audit = await h.prisma.auditEvent.findMany({ where: { requestId: second, action: { startsWith: "request.drift" } }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual([
      "request.drift-detected",
      "request.drift-cleared",
      "request.drift-detected",
      "request.drift-cleared",
      "request.drift-detected",
      "request.drift-cleared",
      "request.drift-detected",
    ]);
  });
});
