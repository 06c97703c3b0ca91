import { expect, test } from "@playwright/test";

import { TEST_IDENTITIES } from "../oidc/test-identities";

import { signInThroughIdentityProvider } from "./sign-in-through-identity-provider";

// An administrator runs the portal's people with no demo data: registers someone before their first sign-in,
// and ends their access at once. The production database of this project is never seeded.
test("an admin pre-registers a person, single sign-on attaches to that record, and deactivating ends the session at once", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInThroughIdentityProvider(admin, TEST_IDENTITIES.admin);
  await admin.waitForURL("**/requests");
  await admin.goto("/admin/people");
  await expect(admin.getByText("Single sign-on decides")).toBeVisible();

  const register = admin.locator("form", { has: admin.getByRole("button", { name: "Register person" }) });
  await register.getByLabel("E-mail").fill(TEST_IDENTITIES.newcomer.email.toUpperCase());
  await register.getByLabel("Auditor").check();
  await register.getByRole("button", { name: "Register person" }).click();
  const row = admin.getByTestId("person-row").filter({ hasText: TEST_IDENTITIES.newcomer.email });
  await expect(row).toContainText("Auditor");
  await expect(row).toContainText("last seen never");

  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  await signInThroughIdentityProvider(newcomer, TEST_IDENTITIES.newcomer);
  await newcomer.waitForURL("**/requests");
  await expect(newcomer.getByTestId("signed-in-as")).toContainText("Auditor");
  await newcomer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit history" }).click();
  await expect(newcomer).toHaveURL(/\/audit/);

  await admin.reload();
  await row.locator("summary").click();
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByTestId("person-status")).toContainText("Deactivated");

  await newcomer.reload();
  await expect(newcomer).toHaveURL(/\/signin/);
  // The identity provider still has her signed in and sends her straight back: the portal refuses her itself.
  await newcomer.getByRole("button", { name: "Sign in with single sign-on" }).click();
  await expect(newcomer).toHaveURL(/\/signin\?error=deactivated/);
  await expect(newcomer.getByTestId("sign-in-refusal")).toContainText("deactivated");
  await expect(newcomer.getByTestId("signed-in-as")).toHaveCount(0);

  await admin.goto("/audit");
  await expect(admin.getByTestId("audit-row").filter({ hasText: "user.deactivate" }).first()).toBeVisible();
  await adminContext.close();
  await newcomerContext.close();
});
