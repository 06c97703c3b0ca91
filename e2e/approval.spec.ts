import { APPROVED_OR_LATER_LABEL, expect, fileRequestViaApi, test, unique } from "./fixtures";

test("an approver approves from the queue and the auditor sees both events", async ({ pageAs, tokenFor, request }) => {
  const filed = await fileRequestViaApi(request, await tokenFor("alice"), unique("Payments settlement job needs the orders topic"));
  const comment = unique("Fine for the settlement job");

  const bob = await pageAs("bob");
  await bob.goto("/approvals");
  const item = bob.getByTestId("approval-item").filter({ hasText: `Request #${filed.number} ` });
  await expect(item).toContainText("Other AWS account");
  await expect(item).toContainText("alice@example.com");
  await item.getByLabel("Comment").fill(comment);
  await item.getByRole("button", { name: "Approve" }).click();
  // A decided request leaves the queue.
  await expect(item).toHaveCount(0);

  await bob.goto(`/requests/${filed.id}`);
  await expect(bob.locator("[data-status]").first()).toHaveText(APPROVED_OR_LATER_LABEL);
  await expect(bob.getByText(`Approved by bob@example.com`)).toBeVisible();
  await expect(bob.getByTestId("decision-form")).toHaveCount(0);

  const dana = await pageAs("dana");
  await dana.goto("/audit");
  await dana.getByLabel("Request", { exact: true }).fill(`#${filed.number}`);
  await dana.getByRole("button", { name: "Filter" }).click();
  await dana.waitForURL(/request=/);
  const rows = dana.getByTestId("audit-row");
  // Only this request's events, the filing and the decision among them.
  await expect(rows.filter({ hasText: "request.submit" })).toContainText("alice@example.com");
  for (const row of await rows.all()) await expect(row.getByRole("link")).toHaveText(`Request #${filed.number}`);
  await expect(rows.filter({ hasText: "request.approve" })).toContainText("bob@example.com");
  await expect(rows.filter({ hasText: "request.approve" })).toContainText(comment);

  await dana.goto(`/requests/${filed.id}`);
  const timeline = dana.getByTestId("timeline");
  await expect(timeline.getByRole("listitem").filter({ hasText: "filed the request" })).toContainText("alice@example.com");
  await expect(timeline.getByRole("listitem").filter({ hasText: "approved" })).toContainText(`bob@example.com approved`);
  await expect(timeline.getByRole("listitem").filter({ hasText: "approved" })).toContainText(comment);
  // The auditor reads; she is offered no decision.
  await expect(dana.getByTestId("decision-form")).toHaveCount(0);
});
