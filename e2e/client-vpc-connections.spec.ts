import {
  CreateVpcConnectionCommand,
  DeleteVpcConnectionCommand,
  GetClusterPolicyCommand,
  PutClusterPolicyCommand,
} from "@aws-sdk/client-kafka";

import { CLIENT_VPCS, connectOutsideThePortal } from "../lib/aws/testing/client-vpc-connection";
import { expect, test } from "./fixtures";
import { approveInUi, confirmWithReason, expectSettled, fileViaApi, ORDERS_PROD_ARN } from "./lifecycle";
import { sandboxAws } from "./sandbox";

const SAAS = "444444444444";
const STRAY = "222222222222";

// A SaaS provider connects as the hand-over promised; another account, which some engineer granted by hand,
// connects too. The approver sees both on the request, the second marked not expected, and rejects it; the
// requester sees only the provider's.
test("an approver sees the cluster's client VPC connections on a SaaS request and rejects the unexpected one", async ({
  pageAs,
  request,
  tokenFor,
}) => {
  const aws = sandboxAws();
  const id = await fileViaApi(
    request,
    await tokenFor("alice"),
    { type: "saas", accountId: SAAS, providerName: "StreamCo" },
    "client-vpc-connections",
  );
  const bob = await pageAs("bob");
  await approveInUi(bob, id);
  await expectSettled(bob, "ACTIVE", "Active");

  const v = CLIENT_VPCS[SAAS];
  const made = await aws
    .kafka(SAAS, "us-east-1")
    .send(
      new CreateVpcConnectionCommand({
        TargetClusterArn: ORDERS_PROD_ARN,
        Authentication: "SASL_IAM",
        VpcId: v.VpcId,
        ClientSubnets: [...v.ClientSubnets],
        SecurityGroups: [...v.SecurityGroups],
      }),
    );
  const provider = made.VpcConnectionArn ?? "";
  const [stray = ""] = await connectOutsideThePortal(aws, ORDERS_PROD_ARN, [{ account: STRAY, authentication: "SASL_IAM" }]);

  try {
    await bob.goto(`/requests/${id}`);
    const rows = bob.getByTestId("client-vpc-connection");
    await expect(rows).toHaveCount(2);
    const providerRow = rows.filter({ hasText: provider });
    const strayRow = rows.filter({ hasText: stray });
    await expect(providerRow).toHaveAttribute("data-expected", "yes");
    await expect(providerRow).toContainText("This request");
    await expect(strayRow).toHaveAttribute("data-expected", "no");
    await expect(strayRow).toContainText("Not expected");
    await expect(strayRow).toContainText(STRAY);

    await strayRow.getByRole("button", { name: "Reject" }).click();
    await expect(strayRow).toContainText(`Cut off account ${STRAY}?`);
    await strayRow.getByRole("button", { name: "Yes, reject" }).click();
    await expect(bob.getByTestId("client-vpc-connection").filter({ hasText: stray })).toContainText(/REJECTING|REJECTED/);
    await expect(bob.getByTestId("client-vpc-connection").filter({ hasText: provider })).toContainText("AVAILABLE");

    const alice = await pageAs("alice");
    await alice.goto(`/requests/${id}`);
    await expect(alice.getByTestId("client-vpc-connection")).toHaveCount(1);
    await expect(alice.getByTestId("client-vpc-connection")).toContainText(provider);
    await expect(alice.getByRole("button", { name: "Reject" })).toHaveCount(0);
  } finally {
    // Left as the other specs expect it: no connections, the hand-made grant gone, the request decommissioned
    // (connections being deleted no longer hold IAM multi-VPC connectivity on).
    await aws.kafka(SAAS, "us-east-1").send(new DeleteVpcConnectionCommand({ Arn: provider }));
    await aws.kafka(STRAY, "us-east-1").send(new DeleteVpcConnectionCommand({ Arn: stray }));
    const msk = aws.kafka("111111111111", "us-east-1");
    const policy = await msk.send(new GetClusterPolicyCommand({ ClusterArn: ORDERS_PROD_ARN }));
    const statements =
      (JSON.parse(policy.Policy ?? "{}") as { Statement?: { Sid?: string }[] }).Statement?.filter((s) => s.Sid !== "Outside") ??
      [];
    // The request's own grant is still in it: the decommission below removes that.
    await msk.send(
      new PutClusterPolicyCommand({
        ClusterArn: ORDERS_PROD_ARN,
        CurrentVersion: policy.CurrentVersion,
        Policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }),
      }),
    );
  }
  const requester = await pageAs("alice");
  await requester.goto(`/requests/${id}`);
  await confirmWithReason(requester, "Decommission", "The provider's trial has ended");
  await expectSettled(requester, "DECOMMISSIONED", "Decommissioned");
});
