import { expect, fillVpcRequestForm, test } from "./fixtures";

test("bad input is reported at its fields and files nothing", async ({ pageAs, sql }) => {
  // Carol's team (analytics) files nothing in the other specs, so her list's size is hers alone.
  const carol = await pageAs("carol");
  await carol.goto("/requests");
  const rowsBefore = await carol.getByTestId("request-row").count();
  const analyticsRequests = async () => {
    const { rows } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AccessRequest" r JOIN "Team" t ON t.id = r."teamId" WHERE t.slug = 'analytics'`,
    );
    return rows[0]?.n;
  };
  const storedBefore = await analyticsRequests();

  await fillVpcRequestForm(carol, {
    accountId: "111111111111",
    vpcId: "vpc-not-an-id",
    securityGroups: "sg-0bbb0000000000001",
    justification: "",
  });
  // An unusable VPC id gives no scenario rather than a wrong one.
  await expect(carol.getByTestId("detected-scenario")).toContainText("Fill in the client's account and VPC");
  await carol.getByRole("button", { name: "File request" }).click();

  await expect(carol.getByTestId("form-message")).toHaveText("Some fields need attention.");
  const vpc = carol.getByLabel("VPC id", { exact: true });
  await expect(vpc).toHaveAttribute("aria-invalid", "true");
  await expect(vpc).toHaveAccessibleDescription("Enter a VPC id like vpc-0abc1234");
  await expect(vpc).toHaveValue("vpc-not-an-id");
  const justification = carol.getByLabel("Justification", { exact: true });
  await expect(justification).toHaveAttribute("aria-invalid", "true");
  await expect(justification).toHaveAccessibleDescription("Say in at least 20 characters why the client needs access");
  // Fields that were right are not flagged.
  await expect(carol.getByLabel("AWS account id", { exact: true })).toHaveAttribute("aria-invalid", "false");
  expect(new URL(carol.url()).pathname).toBe("/requests/new");

  await carol.goto("/requests");
  await expect(carol.getByTestId("request-row")).toHaveCount(rowsBefore);
  expect(await analyticsRequests()).toBe(storedBefore);
});

test("an account that is not registered for the requester's team is refused at its field, and nothing is filed", async ({ pageAs, sql }) => {
  const carol = await pageAs("carol");
  const analyticsRequests = async () =>
    (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AccessRequest" r JOIN "Team" t ON t.id = r."teamId" WHERE t.slug = 'analytics'`)).rows[0]?.n;
  const storedBefore = await analyticsRequests();
  await carol.goto("/requests/new");
  // The form offers the accounts registered for her team, and only those.
  const account = carol.getByLabel("AWS account id", { exact: true });
  await expect(carol.locator("#client-accounts option")).toHaveCount(1);
  await expect(carol.locator("#client-accounts option")).toHaveAttribute("value", "111111111111");
  await fillVpcRequestForm(carol, {
    accountId: "222222222222",
    vpcId: "vpc-0bbb0000000000001",
    securityGroups: "sg-0bbb0000000000001",
    justification: "Analytics reads the orders topic for the daily report",
  });
  await carol.getByRole("button", { name: "File request" }).click();
  await expect(carol.getByTestId("form-message")).toHaveText("Some fields need attention.");
  await expect(account).toHaveAttribute("aria-invalid", "true");
  await expect(account).toHaveAccessibleDescription(
    /Account 222222222222 is not registered with the portal for Analytics: ask a platform admin to register it for the team/,
  );
  expect(new URL(carol.url()).pathname).toBe("/requests/new");
  expect(await analyticsRequests()).toBe(storedBefore);
});
