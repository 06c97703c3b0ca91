import { APPROVED_OR_LATER_LABEL, bearer, expect, fileTheForm, fillVpcRequestForm, requestStatus, test, unique } from "./fixtures";

test("an admin cannot approve her own request; another approver can", async ({ pageAs, request, tokenFor, sql }) => {
  const erin = await pageAs("erin");
  await fillVpcRequestForm(erin, {
    accountId: "222222222222",
    vpcId: "vpc-0bbb0000000000001",
    securityGroups: "sg-0bbb0000000000001",
    justification: unique("Admin files for the payments team"),
  });
  await fileTheForm(erin);
  const id = new URL(erin.url()).pathname.split("/").pop() ?? "";
  const number = (await erin.getByRole("heading", { level: 1 }).textContent())?.match(/#(\d+)/)?.[1];

  await expect(erin.getByText("You filed this request, so another approver decides it.")).toBeVisible();
  await expect(erin.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await erin.goto("/approvals");
  // The queue lists only what her approval could count for: her own request is not in it.
  await expect(erin.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(erin.getByTestId("approval-item").filter({ hasText: `Request #${number} ` })).toHaveCount(0);

  const viaApi = await request.post(`/api/v1/requests/${id}/approve`, { headers: bearer(await tokenFor("erin")), data: {} });
  expect(viaApi.status()).toBe(403);
  expect(await requestStatus(sql, id)).toBe("SUBMITTED");

  const bob = await pageAs("bob");
  await bob.goto(`/requests/${id}`);
  await bob.getByTestId("decision-form").getByRole("button", { name: "Approve" }).click();
  await expect(bob.locator("[data-status]").first()).toHaveText(APPROVED_OR_LATER_LABEL);
  await expect(bob.getByText("Approved by bob@example.com")).toBeVisible();
});
