import { execFile } from "node:child_process";

import { expect, test } from "./fixtures";
import { approveInUi, confirmWithReason, expectSettled, fileViaApi } from "./lifecycle";

// The requester makes a check command on the active request's page, runs it on "the client's host" (this
// machine, where the sandbox's broker names do not resolve) and the page shows what it reached. The command
// works once.
const CLIENT = { type: "aws-vpc" as const, accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000002", securityGroupIds: ["sg-0aaa0000000000011"] };

const run = (command: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile("bash", ["-c", command], { timeout: 60_000 }, (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });

test("the requester runs the check command on the client's host and the request shows what it reached", async ({ pageAs, request, tokenFor }) => {
  const id = await fileViaApi(request, await tokenFor("alice"), CLIENT, "client-check");
  const bob = await pageAs("bob");
  await approveInUi(bob, id);
  await expectSettled(bob, "ACTIVE", "Active");

  const alice = await pageAs("alice");
  await alice.goto(`/requests/${id}`);
  await expect(alice.locator("html")).toHaveAttribute("data-hydrated", "true");
  // Before it became Active, AWS was asked whether the path works: it found one, over the peering.
  const path = alice.getByTestId("path-analysis");
  await expect(path).toContainText("Path found");
  // One broker in each of the cluster's three subnets, each with its own route table.
  await expect(path.getByTestId("path-port")).toHaveCount(3);
  await expect(path.getByTestId("path-port").first()).toContainText(/Port 9098 to broker 1 \(10\.0\.1\.10, subnet-0aaa0000000000001\): AWS found the path/);
  await expect(path.getByTestId("path-hops").first()).toContainText("VPC peering");
  const card = alice.getByTestId("client-check-form");
  await expect(alice.getByText("No check has reported from the client’s host yet.")).toBeVisible();
  await card.getByRole("button", { name: "Create a check command" }).click();
  const command = (await alice.getByTestId("client-check-command").locator("pre").textContent()) ?? "";
  expect(command).toMatch(/^script=\$\(curl -fsS -H @- 'http:\/\/localhost:3100\/api\/v1\/client-checks\/script' <<< 'Authorization: Bearer mskc_[A-Za-z0-9_-]{43}'\) && bash -s <<< "\$script"$/);

  const first = await run(command);
  expect(first.stdout).toMatch(/Reported to the portal: see request #\d+\./);
  expect(first.code).toBe(1);
  await alice.reload();
  const results = alice.getByTestId("client-check-results");
  await expect(results).toContainText(/0 of 3 broker addresses reached \(3 failed\), from \S+ at 127\.0\.0\.1/);
  await expect(results.getByTestId("client-check-row")).toHaveCount(3);
  await expect(results.getByTestId("client-check-row").first()).toContainText("did not resolve");
  await expect(alice.getByTestId("timeline")).toContainText("reported what the client reached");

  // Used once: running it again is refused by the portal, and nothing new is reported.
  const second = await run(command);
  expect(second.code).not.toBe(0);
  expect(second.stderr).toMatch(/401/);

  await confirmWithReason(alice, "Decommission", "Client check spec is done");
});
