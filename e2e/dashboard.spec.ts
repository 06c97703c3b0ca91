import { readFile } from "node:fs/promises";

import { expect, fileRequestViaApi, test, unique } from "./fixtures";

test("from the dashboard to the filtered list, a search by number, and the audit history as CSV", async ({ pageAs, tokenFor, request, sql }) => {
  const filed = await fileRequestViaApi(request, await tokenFor("alice"), unique("Dashboard spec pipeline"));
  // An active connection whose last drift check found a change; provisioning it is other specs' subject.
  await sql.query(`UPDATE "AccessRequest" SET "status" = 'ACTIVE', "drift" = $2::jsonb, "driftCheckedAt" = now() WHERE "id" = $1`, [
    filed.id,
    JSON.stringify([{ step: "create-route", message: "The route to the cluster is gone" }]),
  ]);

  const bob = await pageAs("bob");
  await bob.goto("/requests");
  await bob.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(bob.getByRole("heading", { name: "Now" })).toBeVisible();
  await expect(bob.getByRole("heading", { name: "Trends" })).toBeVisible();
  const drifted = bob.getByTestId("now-drifted");
  await expect(drifted).toContainText(`#${filed.number}`);
  await expect(bob.getByTestId("chart-filed").getByRole("img", { name: "Requests filed per week" })).toBeVisible();

  await drifted.getByRole("link", { name: /Drifted from AWS/ }).click();
  await bob.waitForURL(/\/requests\?drift=drifted/);
  const row = bob.getByTestId("request-row").filter({ hasText: `#${filed.number}` });
  await expect(row.getByTestId("drift-badge")).toHaveText(/Drifted/);
  await expect(row.locator("[data-status]")).toHaveText("Active");
  await expect(bob.getByLabel("Drift")).toHaveValue("drifted");

  // The keyboard alone: type into the search box and press Enter.
  await bob.goto("/requests");
  const search = bob.getByRole("searchbox", { name: "Search" });
  await search.fill(`#${filed.number}`);
  await search.press("Enter");
  await bob.waitForURL(/q=%23/);
  await expect(bob.getByTestId("request-row")).toHaveCount(1);
  await expect(bob.getByTestId("request-row")).toContainText(`#${filed.number}`);
  await expect(bob.getByTestId("result-count")).toHaveText("1 request match");

  await bob.goto(`/requests?q=%23${filed.number}&page=2`);
  await expect(bob.getByText("There is no page 2")).toBeVisible();
  await bob.getByRole("link", { name: "Go to page 1" }).click();
  await expect(bob.getByTestId("request-row")).toHaveCount(1);

  await bob.goto("/requests?status=NOPE");
  await expect(bob.getByText('Unknown status "NOPE"')).toBeVisible();

  const dana = await pageAs("dana");
  await dana.goto(`/audit?request=%23${filed.number}`);
  await expect(dana.getByTestId("audit-row").first()).toContainText(/\d\d:\d\d:\d\d UTC/);
  const downloading = dana.waitForEvent("download");
  await dana.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-\d{14}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("id,at,actor,action,request_number,request_id,account_id,region,resource_ids,details");
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) expect(line).toContain(`,${filed.number},${filed.id},`);
  expect(csv).toContain(",alice@example.com,request.submit,");
});
