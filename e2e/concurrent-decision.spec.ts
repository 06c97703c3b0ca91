import { APPROVED_OR_LATER, bearer, expect, fileRequestViaApi, requestStatus, test, unique } from "./fixtures";

test("a second approval through the API is refused with 409", async ({ request, tokenFor, sql }) => {
  const filed = await fileRequestViaApi(request, await tokenFor("alice"), unique("Double approval through the API"));
  const bob = await tokenFor("bob");
  const first = await request.post(`/api/v1/requests/${filed.id}/approve`, { headers: bearer(bob), data: { comment: "ok" } });
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({ status: "APPROVED" });

  const second = await request.post(`/api/v1/requests/${filed.id}/approve`, { headers: bearer(bob), data: {} });
  expect(second.status()).toBe(409);
  expect(await second.json()).toMatchObject({ error: "conflict" });
  const stale = await request.post(`/api/v1/requests/${filed.id}/reject`, { headers: bearer(bob), data: { comment: "too late now", version: 0 } });
  expect(stale.status()).toBe(409);
  expect(APPROVED_OR_LATER).toContain(await requestStatus(sql, filed.id));
});

test("a decision on a stale page says someone else changed the request", async ({ pageAs, request, tokenFor, sql }) => {
  const filed = await fileRequestViaApi(request, await tokenFor("alice"), unique("Stale approval form in the browser"));
  const bob = await pageAs("bob");
  await bob.goto(`/requests/${filed.id}`);
  await expect(bob.locator("[data-status]").first()).toHaveText("Awaiting approval");

  // Meanwhile another approver (Erin, through the API) rejects it.
  const erin = await tokenFor("erin");
  const rejected = await request.post(`/api/v1/requests/${filed.id}/reject`, { headers: bearer(erin), data: { comment: "Use the shared VPC instead" } });
  expect(rejected.status()).toBe(200);

  await bob.getByTestId("decision-form").getByRole("button", { name: "Approve" }).click();
  await expect(bob.getByTestId("form-message")).toContainText("changed by someone else");
  expect(await requestStatus(sql, filed.id)).toBe("REJECTED");
  await bob.reload();
  await expect(bob.locator("[data-status]").first()).toHaveText("Rejected");
});
