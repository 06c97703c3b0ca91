import { CreateNetworkAclEntryCommand, DeleteNetworkAclEntryCommand, DescribeNetworkAclsCommand } from "@aws-sdk/client-ec2";

import { bearer, expect, test, unique } from "./fixtures";
import { approveInUi, expectSettled, ORDERS_PROD_ARN, waitForStatus } from "./lifecycle";
import { sandboxAws } from "./sandbox";

// A network ACL the platform's engineers added outside the portal stops SASL/SCRAM (9096) from the
// platform-apps VPC at the brokers' subnets. Every step of the plan is in place, so only AWS's path analysis
// can tell: the request fails with AWS's explanation in plain words, and the approver rolls it back.
const CLIENT = { type: "aws-vpc" as const, accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000002", securityGroupIds: ["sg-0aaa0000000000011"] };

test("a path AWS finds blocked fails the request with the explanation and what to change", async ({ pageAs, request, tokenFor }) => {
  test.setTimeout(120_000);
  const ec2 = sandboxAws().ec2("111111111111", "us-east-1");
  const acls = await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: "vpc-id", Values: ["vpc-0aaa0000000000001"] }] }));
  const aclId = acls.NetworkAcls?.[0]?.NetworkAclId ?? "";
  await ec2.send(
    new CreateNetworkAclEntryCommand({ NetworkAclId: aclId, RuleNumber: 45, Protocol: "6", RuleAction: "deny", Egress: false, CidrBlock: "10.1.0.0/16", PortRange: { From: 9096, To: 9096 } }),
  );
  try {
    const alice = await tokenFor("alice");
    const filed = await request.post("/api/v1/requests", {
      headers: bearer(alice),
      data: { clusterArn: ORDERS_PROD_ARN, client: CLIENT, authModes: ["scram"], environment: "dev", justification: unique("Path analysis: the client reads order events"), fileAnyway: true },
    });
    expect(filed.status(), await filed.text()).toBe(201);
    const { id } = (await filed.json()) as { id: string };
    const bob = await pageAs("bob");
    await approveInUi(bob, id);
    await expectSettled(bob, "FAILED", "Failed");

    const card = bob.getByTestId("path-analysis");
    await expect(card).toContainText("No path");
    const explanation = card.getByTestId("path-explanations").first();
    await expect(explanation).toContainText(`Network ACL ${aclId} stops the traffic entering subnet subnet-0aaa0000000000001`);
    await expect(explanation).toContainText("To fix:");
    await expect(explanation).toContainText("SUBNET_ACL_RESTRICTION");
    await expect(bob.getByTestId("failure")).toContainText("SUBNET_ACL_RESTRICTION");
    await expect(bob.getByTestId("timeline")).toContainText("asked AWS whether the path works");

    const bobToken = await tokenFor("bob");
    expect((await request.post(`/api/v1/requests/${id}/rollback`, { headers: bearer(bobToken), data: { comment: "The ACL stays; connect another way" } })).status()).toBe(200);
    await waitForStatus(request, bobToken, id, /^ROLLED_BACK$/);
  } finally {
    await ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: aclId, RuleNumber: 45, Egress: false }));
  }
});
