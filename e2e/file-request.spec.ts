import { expect, fileTheForm, fillVpcRequestForm, test, unique } from "./fixtures";

test("a requester files a cross-account request and only her team sees it", async ({ pageAs }) => {
  const alice = await pageAs("alice");
  const justification = unique("Orders consumer in payments-apps reads order events");

  await alice.goto("/requests/new");
  const panel = alice.getByTestId("detected-scenario");
  await expect(panel).toContainText("Fill in the client's account and VPC");
  await fillVpcRequestForm(alice, {
    accountId: "222222222222",
    vpcId: "vpc-0bbb0000000000001",
    securityGroups: "sg-0bbb0000000000001",
    justification,
  });
  // The classifier runs as the requester types, before anything is filed.
  await expect(panel).toContainText("Other AWS account");
  await expect(alice.getByRole("checkbox", { name: "IAM", exact: true })).toBeChecked();

  await fileTheForm(alice);
  const detailUrl = new URL(alice.url()).pathname;
  const heading = alice.getByRole("heading", { level: 1, name: /Request #\d+/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())?.match(/#(\d+)/)?.[1];
  await expect(alice.locator("[data-status]").first()).toHaveText("Awaiting approval");
  await expect(alice.getByTestId("scenario")).toHaveText("Other AWS account");
  await expect(alice.getByText(justification)).toBeVisible();
  await expect(alice.getByTestId("timeline")).toContainText("alice@example.com filed the request");

  await alice.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests", exact: true }).click();
  const row = alice.getByTestId("request-row").filter({ has: alice.getByRole("link", { name: `#${number}`, exact: true }) });
  await expect(row).toContainText("Awaiting approval");
  await expect(row).toContainText("Other AWS account");

  // Another team's requester: not in her list, and its address looks like nothing is there.
  const carol = await pageAs("carol");
  await carol.goto("/requests");
  await expect(carol.getByRole("heading", { name: "My team's requests" })).toBeVisible();
  await expect(carol.locator(`a[href="${detailUrl}"]`)).toHaveCount(0);
  const response = await carol.goto(detailUrl);
  expect(response?.status()).toBe(404);
  await expect(carol.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(carol.getByText(justification)).toHaveCount(0);
});
