import {
  AcceptVpcPeeringConnectionCommand,
  CreateRouteCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteRouteCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnectionsCommand,
} from "@aws-sdk/client-ec2";

import type { ClientLocation } from "../lib/domain/request-input";
import { bearer, expect, test } from "./fixtures";
import { approveInUi, changeSteps, confirmWithReason, expectSettled, fileViaApi, statusBadge, waitForStatus } from "./lifecycle";
import { sandboxAws, sandboxDiff, sandboxState } from "./sandbox";

// A failure the provisioner must not push through, and what operators do about it. The client is the payments
// VPC without DNS hostnames (vpc-0bbb…004), which no other spec connects, so its route table is this file's own.
test.describe.configure({ mode: "serial" });

const CLIENT_VPC = "vpc-0bbb0000000000004";
const CLIENT: ClientLocation = { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: CLIENT_VPC, securityGroupIds: ["sg-0bbb0000000000031"] };
const CLIENT_ROUTE_TABLE = "rtb-0bbb0000000000031";
const MSK_CIDR = "10.0.0.0/16";
// What the request builds once it gets through (the same shape as the cross-account scenario).
const BUILDS = [
  "+ peering vpc-0aaa0000000000001(dns) <-> vpc-0bbb0000000000004 active",
  "+ route rtb-0aaa0000000000001 10.21.0.0/16 -> pcx-*",
  "+ route rtb-0aaa0000000000002 10.21.0.0/16 -> pcx-*",
  "+ route rtb-0aaa0000000000003 10.21.0.0/16 -> pcx-*",
  `+ route ${CLIENT_ROUTE_TABLE} ${MSK_CIDR} -> pcx-*`,
  "+ rule sg-0aaa0000000000001 in tcp 9098-9098 222222222222/sg-0bbb0000000000031",
];
// What the payments team's own change (below) adds: traffic for 10.0.0.0/16 goes to their legacy VPC.
const CONFLICT = ["+ peering vpc-0bbb0000000000004 <-> vpc-0bbb0000000000003 active", `+ route ${CLIENT_ROUTE_TABLE} ${MSK_CIDR} -> pcx-*`];

/**
 * After the portal planned the request, the payments team (account 222222222222, through the AWS API) peers the
 * client VPC with its legacy VPC, which is also 10.0.0.0/16, and routes that range there. The portal's route to
 * the cluster now collides with a route it did not create. Returns how to undo it.
 */
async function payTeamRoutesTheClusterRangeElsewhere() {
  const ec2 = sandboxAws().ec2("222222222222", "us-east-1");
  const created = await ec2.send(new CreateVpcPeeringConnectionCommand({ VpcId: CLIENT_VPC, PeerVpcId: "vpc-0bbb0000000000003" }));
  const VpcPeeringConnectionId = created.VpcPeeringConnection?.VpcPeeringConnectionId ?? "";
  const status = async () =>
    (await ec2.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [VpcPeeringConnectionId] }))).VpcPeeringConnections?.[0]?.Status?.Code;
  await expect.poll(status).toBe("pending-acceptance");
  await ec2.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId }));
  await expect.poll(status).toBe("active");
  await ec2.send(new CreateRouteCommand({ RouteTableId: CLIENT_ROUTE_TABLE, DestinationCidrBlock: MSK_CIDR, VpcPeeringConnectionId }));
  return {
    VpcPeeringConnectionId,
    removeRoute: () => ec2.send(new DeleteRouteCommand({ RouteTableId: CLIENT_ROUTE_TABLE, DestinationCidrBlock: MSK_CIDR })),
    removePeering: () => ec2.send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId })),
  };
}

test("a route the portal did not create stops provisioning; once it is gone, Retry finishes the job", async ({ pageAs, request, tokenFor }) => {
  const before = await sandboxState();
  const alice = await tokenFor("alice");
  const id = await fileViaApi(request, alice, CLIENT, "retry after a route conflict");
  const conflict = await payTeamRoutesTheClusterRangeElsewhere();

  const bob = await pageAs("bob");
  await approveInUi(bob, id);
  await expectSettled(bob, "FAILED", "Failed");
  const failure = bob.getByTestId("failure");
  await expect(failure).toContainText(
    `Provisioning stopped: ${CLIENT_ROUTE_TABLE} already routes ${MSK_CIDR} to ${conflict.VpcPeeringConnectionId}, not pcx-`,
  );
  await expect(failure).toContainText("the portal never replaces a route it did not create");
  const failed = changeSteps(bob).filter({ has: bob.locator('[data-step-status="FAILED"]') });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText(`add route ${MSK_CIDR} -> the new peering in ${CLIENT_ROUTE_TABLE}`);
  await expect(failed.locator("[data-step-status]")).toHaveText("failed");
  // Their route is untouched, and nothing after the failed step was built (the peering before it was).
  expect(sandboxDiff(before, await sandboxState())).toEqual([...CONFLICT, BUILDS[0]].sort());

  // The payments team agrees to move their legacy traffic; the operator tries again.
  await conflict.removeRoute();
  await conflict.removePeering();
  await bob.getByRole("button", { name: "Retry" }).click();
  await expect(bob.getByTestId("failure")).toHaveCount(0);
  await expectSettled(bob, "ACTIVE", "Active");
  for (const step of await changeSteps(bob).all()) await expect(step.locator("[data-step-status]")).toHaveText("done");
  await expect(bob.getByTestId("connection-details")).toContainText(":9098");
  expect(sandboxDiff(before, await sandboxState())).toEqual([...BUILDS].sort());

  // Leave the sandbox as found for the next test.
  expect((await request.post(`/api/v1/requests/${id}/decommission`, { headers: bearer(alice), data: { comment: "No longer needed" } })).status()).toBe(200);
  await waitForStatus(request, alice, id, /^DECOMMISSIONED$/);
  await expect.poll(async () => sandboxDiff(before, await sandboxState())).toEqual([]);
});

test("Roll back after the same failure removes what the request built and nothing else", async ({ pageAs, request, tokenFor }) => {
  const before = await sandboxState();
  const id = await fileViaApi(request, await tokenFor("alice"), CLIENT, "roll back after a route conflict");
  const conflict = await payTeamRoutesTheClusterRangeElsewhere();

  const bob = await pageAs("bob");
  await approveInUi(bob, id);
  await expectSettled(bob, "FAILED", "Failed");
  await expect(bob.getByTestId("failure")).toContainText(`already routes ${MSK_CIDR} to ${conflict.VpcPeeringConnectionId}`);

  await confirmWithReason(bob, "Roll back", "The conflicting peering has to be untangled first");
  await expectSettled(bob, "ROLLED_BACK", "Rolled back");
  await expect(bob.getByRole("button", { name: /Retry|Roll back|Decommission/ })).toHaveCount(0);
  // Only the payments team's own peering and route remain.
  await expect.poll(async () => sandboxDiff(before, await sandboxState())).toEqual([...CONFLICT].sort());

  await conflict.removeRoute();
  await conflict.removePeering();
  expect(sandboxDiff(before, await sandboxState())).toEqual([]);
});

test("only operators are offered Retry and Roll back; an auditor is offered no operation", async ({ pageAs, request, tokenFor }) => {
  const aliceToken = await tokenFor("alice");
  const id = await fileViaApi(request, aliceToken, CLIENT, "who may operate a failed request");
  const conflict = await payTeamRoutesTheClusterRangeElsewhere();
  const bobToken = await tokenFor("bob");
  expect((await request.post(`/api/v1/requests/${id}/approve`, { headers: bearer(bobToken), data: {} })).status()).toBe(200);
  await waitForStatus(request, bobToken, id, /^FAILED$/);

  const bob = await pageAs("bob");
  await bob.goto(`/requests/${id}`);
  await expect(bob.getByRole("button", { name: "Retry" })).toBeVisible();
  await expect(bob.getByRole("button", { name: "Roll back" })).toBeVisible();

  // The requester reads why it stopped, and that an approver can act; she cannot act herself.
  const alice = await pageAs("alice");
  await alice.goto(`/requests/${id}`);
  await expect(statusBadge(alice)).toHaveText("Failed");
  await expect(alice.getByTestId("failure")).toContainText("An approver can retry");
  await expect(alice.getByRole("button", { name: /Retry|Roll back/ })).toHaveCount(0);
  const forged = await request.post(`/api/v1/requests/${id}/retry`, { headers: bearer(aliceToken), data: {} });
  expect(forged.status()).toBe(403);

  const dana = await pageAs("dana");
  await dana.goto(`/requests/${id}`);
  await expect(statusBadge(dana)).toHaveText("Failed");
  await expect(dana.getByTestId("failure")).toBeVisible();
  await expect(dana.getByRole("button", { name: /Retry|Roll back|Decommission|Approve|Reject|Cancel/ })).toHaveCount(0);

  expect((await request.post(`/api/v1/requests/${id}/rollback`, { headers: bearer(bobToken), data: { comment: "Undo the half-built path" } })).status()).toBe(200);
  await waitForStatus(request, bobToken, id, /^ROLLED_BACK$/);
  await conflict.removeRoute();
  await conflict.removePeering();
});

test("a route deleted by hand shows as drift; the approver re-applies it and the connection is whole and active again", async ({ pageAs, request, tokenFor }) => {
  const before = await sandboxState();
  const alice = await tokenFor("alice");
  const bobToken = await tokenFor("bob");
  const id = await fileViaApi(request, alice, CLIENT, "re-apply after drift");
  expect((await request.post(`/api/v1/requests/${id}/approve`, { headers: bearer(bobToken), data: {} })).status()).toBe(200);
  await waitForStatus(request, bobToken, id, /^ACTIVE$/);
  // The payments team removes the portal's route to the cluster from their route table.
  await sandboxAws().ec2("222222222222", "us-east-1").send(new DeleteRouteCommand({ RouteTableId: CLIENT_ROUTE_TABLE, DestinationCidrBlock: MSK_CIDR }));

  const bob = await pageAs("bob");
  await bob.goto(`/requests/${id}`);
  await bob.getByRole("button", { name: "Check against AWS now" }).click();
  const drift = bob.getByTestId("drift");
  await expect(drift).toContainText(`${CLIENT_ROUTE_TABLE} has no route for ${MSK_CIDR}`, { timeout: 30_000 });
  // The requester sees the drift, but re-applying is an operator's.
  const alicePage = await pageAs("alice");
  await alicePage.goto(`/requests/${id}`);
  await expect(alicePage.getByTestId("drift")).toBeVisible();
  await expect(alicePage.getByRole("button", { name: "Re-apply these changes" })).toHaveCount(0);

  await drift.getByRole("button", { name: "Re-apply these changes" }).click();
  // The answer to the click shows the request on its way again (approved, then provisioning).
  await expect(bob.locator('h1 + [data-status="ACTIVE"]')).toHaveCount(0);
  await expectSettled(bob, "ACTIVE", "Active", 90_000);
  await expect(bob.getByTestId("drift")).toHaveCount(0);
  await expect(bob.getByTestId("timeline")).toContainText("re-applied the drifted changes");
  expect(sandboxDiff(before, await sandboxState())).toEqual([...BUILDS].sort());

  expect((await request.post(`/api/v1/requests/${id}/decommission`, { headers: bearer(alice), data: { comment: "No longer needed" } })).status()).toBe(200);
  await waitForStatus(request, alice, id, /^DECOMMISSIONED$/);
  await expect.poll(async () => sandboxDiff(before, await sandboxState())).toEqual([]);
});
