import { formatTime } from "../components/ui/format-time";
import { expect, test } from "./fixtures";

test("an admin registers an account: a bad role ARN is refused at its field, a good one is saved and audited", async ({
  pageAs,
  sql,
}) => {
  // A fresh id each time, so a reused server (E2E_REUSE_SERVER=1) registers rather than updates.
  const accountId = `5${String(Date.now()).slice(-11)}`;
  const name = `e2e-apps-${accountId.slice(-4)}`;
  const stored = async () => (await sql.query(`SELECT id FROM "AwsAccount" WHERE id = $1`, [accountId])).rowCount;

  const erin = await pageAs("erin");
  await erin.goto("/admin");
  const form = erin.locator("section").filter({ has: erin.getByRole("heading", { name: "Register an account" }) });
  await form.getByLabel("Account id").fill(accountId);
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Kind").selectOption("APPLICATION");
  await form.getByLabel("Regions").fill("us-east-1, eu-west-1");
  const roleArn = form.getByLabel("Role the portal assumes");
  await roleArn.fill(`arn:aws:iam::${accountId}:user/MskConnectivityPortal`);
  await form.getByRole("button", { name: "Register account" }).click();

  await expect(form.getByTestId("form-message")).toHaveText("Some fields need attention.");
  await expect(roleArn).toHaveAttribute("aria-invalid", "true");
  await expect(roleArn).toHaveAccessibleDescription("Enter a role ARN like arn:aws:iam::123456789012:role/MskConnectivityPortal");
  await expect(form.getByLabel("Account id")).toHaveAttribute("aria-invalid", "false");
  // What she typed is still there to correct.
  await expect(form.getByLabel("Account id")).toHaveValue(accountId);
  await expect(form.getByLabel("Name")).toHaveValue(name);
  await expect(form.getByLabel("Regions")).toHaveValue("us-east-1, eu-west-1");
  await expect(roleArn).toHaveValue(`arn:aws:iam::${accountId}:user/MskConnectivityPortal`);
  expect(await stored()).toBe(0);
  await expect(erin.getByTestId("admin-account").filter({ hasText: accountId })).toHaveCount(0);

  // Left empty, the role is the role kit's role in the account; the payments team files for it.
  await roleArn.fill("");
  await form.getByRole("checkbox", { name: "Payments" }).check();
  await form.getByRole("button", { name: "Register account" }).click();
  await expect(form.getByTestId("form-message")).toHaveText(`Account ${accountId} saved.`);
  await expect(roleArn).toHaveAttribute("aria-invalid", "false");
  await expect(erin.getByTestId("admin-account").filter({ hasText: accountId })).toContainText(name);
  await expect(erin.getByTestId("admin-account").filter({ hasText: accountId })).toContainText("for Payments");
  expect(await stored()).toBe(1);

  // Everyone who may read the catalog sees it there.
  const bob = await pageAs("bob");
  await bob.goto("/catalog");
  const row = bob.getByTestId("catalog-account").filter({ hasText: accountId });
  await expect(row).toContainText(name);
  await expect(row).toContainText("Application");
  await expect(row).toContainText("us-east-1, eu-west-1");
  await expect(row).toContainText(`arn:aws:iam::${accountId}:role/MskConnectivityPortal`);

  await erin.goto("/audit");
  await erin.getByLabel("Action").selectOption("admin.account.register");
  await erin.getByRole("button", { name: "Filter" }).click();
  await erin.waitForURL(/action=admin\.account\.register/);
  const audited = erin.getByTestId("audit-row").filter({ hasText: accountId });
  await expect(audited).toHaveCount(1);
  await expect(audited).toContainText("erin@example.com");
  await expect(audited).toContainText(`arn:aws:iam::${accountId}:role/MskConnectivityPortal`);
});

test("only admins open the administration page", async ({ pageAs }) => {
  for (const user of ["bob", "alice"] as const) {
    const page = await pageAs(user);
    const response = await page.goto("/admin");
    expect(response?.status(), user).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Register account" })).toHaveCount(0);
  }
});

test("an approver refreshes the catalog from AWS and sees both clusters as of now", async ({ pageAs, sql }) => {
  // As if the catalog was last read from AWS yesterday.
  await sql.query(`UPDATE "Cluster" SET "discoveredAt" = now() - interval '1 day'`);
  const bob = await pageAs("bob");
  await bob.goto("/catalog");
  const clusters = bob.getByTestId("catalog-cluster");
  const yesterday = formatTime(new Date(Date.now() - 86_400_000)).slice(0, 10);
  await expect(clusters.filter({ hasText: "orders-prod" })).toContainText(yesterday);

  const clicked = new Date();
  await bob.getByRole("button", { name: "Refresh from AWS" }).click();
  await expect(bob.getByTestId("form-message")).toHaveText("Found 2 cluster(s).");
  await expect(clusters).toHaveCount(2);
  // Shown to the minute: the refresh happened in the minute of the click or the one after.
  const fresh = new RegExp(`${formatTime(clicked)}|${formatTime(new Date(clicked.getTime() + 60_000))}`);
  for (const name of ["orders-prod", "analytics-dev"]) {
    const row = clusters.filter({ hasText: name });
    await expect(row).toContainText("111111111111");
    // The sandbox may be mid-way through a broker update for another spec; missing it would be wrong.
    await expect(row.locator("td").nth(5)).toHaveText(/^(ACTIVE|UPDATING)$/);
    await expect(row.locator("td").last()).toHaveText(fresh);
  }
});

test("an admin tests the portal's access to an account and sees every action it needs there", async ({ pageAs }) => {
  const erin = await pageAs("erin");
  await erin.goto("/admin");
  const account = erin.getByTestId("admin-account").filter({ hasText: "333333333333" });
  await account.getByText("Edit").click();
  await account.getByRole("button", { name: "Test access" }).click();
  const result = account.getByTestId("test-access");
  await expect(result).toContainText("The role holds every action that could be tried in us-east-1.");
  await expect(result.getByRole("row").filter({ hasText: "ec2:AcceptTransitGatewayVpcAttachment" })).toContainText("allowed");
  // Read in the DX gateway owner's account, which the platform settings default to the transit account.
  await expect(result.getByRole("row").filter({ hasText: "directconnect:DescribeDirectConnectGatewayAssociations" })).toContainText("allowed");
  await expect(result.getByRole("row").filter({ hasText: "ram:CreateResourceShare" })).toContainText("not tried");
});

test("an admin adds a transit gateway hub for another Region; two hubs for one Region are refused at the field", async ({ pageAs, sql }) => {
  const hubs = async () =>
    ((await sql.query<{ hubs: { region: string }[] }>(`SELECT "transitHubs" AS hubs FROM "PlatformSettings" WHERE id = 1`)).rows[0]?.hubs ?? []).map(
      (h) => h.region,
    );
  expect(await hubs()).toEqual(["us-east-1"]);
  const erin = await pageAs("erin");
  await erin.goto("/admin");
  const form = erin.locator("section").filter({ has: erin.getByRole("heading", { name: "Platform settings" }) });
  await form.getByRole("button", { name: "Add a hub" }).click();
  const second = form.getByTestId("hub-row").nth(1);
  await second.getByLabel("Transit account").fill("333333333333");
  await second.getByLabel("Region").fill("us-east-1");
  await second.getByLabel("Transit gateway").fill("tgw-0ccc0000000000009");
  await second.getByLabel("Route table for cluster VPCs").fill("tgw-rtb-0ccc0000000000091");
  await second.getByLabel("Route table for client VPCs").fill("tgw-rtb-0ccc0000000000092");
  await second.getByLabel("Route table of the Direct Connect attachment").fill("tgw-rtb-0ccc0000000000093");
  await form.getByRole("button", { name: "Save settings" }).click();

  await expect(form.getByTestId("form-message")).toHaveText("Some fields need attention.");
  const region = form.getByTestId("hub-row").nth(1).getByLabel("Region");
  await expect(region).toHaveAttribute("aria-invalid", "true");
  await expect(region).toHaveAccessibleDescription("Hub 1 already serves us-east-1: one hub per Region");
  await expect(form.getByTestId("hub-row").nth(1).getByLabel("Transit gateway")).toHaveValue("tgw-0ccc0000000000009");
  expect(await hubs()).toEqual(["us-east-1"]);

  await region.fill("us-west-2");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByTestId("form-message")).toHaveText("Platform settings saved. New plans use them.");
  await expect.poll(hubs).toEqual(["us-east-1", "us-west-2"]);

  // Removed again, so the other specs see the seeded settings: from a fresh page showing the saved hubs.
  await erin.reload();
  await expect(form.getByTestId("hub-row")).toHaveCount(2);
  await form.getByRole("button", { name: "Remove hub 2" }).click();
  await expect(form.getByTestId("hub-row")).toHaveCount(1);
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect.poll(hubs).toEqual(["us-east-1"]);
});
