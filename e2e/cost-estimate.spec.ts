import { expect, fileTheForm, test, unique } from "./fixtures";

// analytics-dev: few other specs file there (a live request for the same client is confirmed as "file anyway").
const CLUSTER = "analytics-dev";

test("a filed request's plan shows what it costs a month, beside the other methods, to requester and approver", async ({ pageAs }) => {
  const alice = await pageAs("alice");
  await alice.goto("/requests/new");
  const cluster = alice.getByLabel("MSK cluster");
  await cluster.selectOption((await cluster.locator("option", { hasText: CLUSTER }).getAttribute("value")) ?? "");
  await alice.getByRole("radio", { name: /An AWS VPC/ }).check();
  await alice.getByLabel("AWS account id", { exact: true }).pressSequentially("222222222222");
  await alice.getByLabel("Region", { exact: true }).selectOption("us-east-1");
  await alice.getByLabel("VPC id", { exact: true }).pressSequentially("vpc-0bbb0000000000001");
  await alice.getByLabel("Client security groups").fill("sg-0bbb0000000000001");
  await alice.getByLabel("Justification", { exact: true }).fill(unique("Analytics consumer in payments-apps reads click events"));

  // A wrong figure is refused at its field, and nothing is filed.
  const traffic = alice.getByLabel("Expected traffic (GB per month, optional)");
  await traffic.fill("lots");
  await alice.getByRole("button", { name: "File request" }).click();
  await expect(alice.locator("#expectedGbPerMonth-error")).toHaveText("Enter the expected traffic as a whole number of GB per month, or leave it empty");
  await expect(traffic).toHaveAttribute("aria-invalid", "true");
  await expect(alice).toHaveURL(/\/requests\/new$/);

  await traffic.fill("1000");
  await fileTheForm(alice);
  const requestUrl = new URL(alice.url()).pathname;
  await expect(alice.getByTestId("expected-traffic")).toHaveText("1,000 GB a month");

  const estimate = alice.getByTestId("cost-estimate");
  // Peering across Availability Zones, both directions, at $0.01 per GB each: $20 for 1,000 GB.
  await expect(estimate.getByTestId("cost-total")).toHaveText("$20.00 a month");
  await expect(estimate.getByRole("row", { name: /Traffic within one Availability Zone/ })).toContainText("free");
  await expect(estimate.getByRole("row", { name: /Cross-AZ transfer out/ })).toContainText("unconfirmed");
  await expect(estimate.getByRole("link", { name: /AWS price page for Cross-AZ transfer out/ })).toHaveAttribute("href", /^https:\/\/aws\.amazon\.com\//);
  const comparison = estimate.getByTestId("cost-comparison");
  await expect(comparison.getByRole("row", { name: /VPC peering \(planned\)/ })).toContainText("$20.00 a month");
  await expect(comparison.getByRole("row", { name: /Transit Gateway/ })).toContainText("$93.00 a month");
  await expect(comparison.getByRole("row", { name: /multi-VPC/i })).toContainText("some prices have no figure");

  // At a phone's width the estimate and both its tables fit the screen: no part of them reaches past its edge.
  await alice.setViewportSize({ width: 390, height: 844 });
  await expect(estimate).toBeVisible();
  const overflowing = await estimate.evaluate((card) =>
    [card, ...card.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > window.innerWidth).map((e) => e.outerHTML.slice(0, 80)),
  );
  expect(overflowing).toEqual([]);

  const bob = await pageAs("bob");
  await bob.goto("/approvals");
  const item = bob.getByTestId("approval-item").filter({ has: bob.locator(`a[href="${requestUrl}"]`) });
  await expect(item.getByTestId("queue-cost")).toContainText("$20.00 a month for 1,000 GB a month");
  await expect(item.getByTestId("cost-comparison").getByRole("row")).toHaveCount(4);
});
