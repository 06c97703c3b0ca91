import { expect, test } from "@playwright/test";

import { TEST_IDENTITIES } from "../oidc/test-identities";

import { signInThroughIdentityProvider } from "./sign-in-through-identity-provider";

// Against the standalone server of a real `next build` (NODE_ENV=production) whose only sign-in is the test
// OpenID Connect provider; AUTH_OIDC_ROLE_MAP maps portal-admins and portal-approvers, team-* groups are teams.

test("an administrator signs in through the identity provider and the groups claim makes them one", async ({ page }) => {
  await signInThroughIdentityProvider(page, TEST_IDENTITIES.admin);
  await page.waitForURL("**/requests");
  await expect(page.getByTestId("signed-in-as")).toContainText(TEST_IDENTITIES.admin.email);
  await expect(page.getByTestId("signed-in-as")).toContainText("Administrator");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();
});

test("a requester's team groups make them a member of their team, with no approver or admin pages", async ({ page }) => {
  await signInThroughIdentityProvider(page, TEST_IDENTITIES.requester);
  await page.waitForURL("**/requests");
  await expect(page.getByTestId("signed-in-as")).toContainText("Requester · Payments");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "New request" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Approvals" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
  expect((await page.goto("/admin"))?.status()).toBe(403);
});

test("an approver's group opens the approval queue", async ({ page }) => {
  await signInThroughIdentityProvider(page, TEST_IDENTITIES.approver);
  await page.waitForURL("**/requests");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Approvals" }).click();
  await expect(page).toHaveURL(/\/approvals$/);
  await expect(page.getByTestId("signed-in-as")).toContainText("Approver");
});

test("signing out ends the session: the page it was on now asks for sign-in", async ({ page }) => {
  await signInThroughIdentityProvider(page, TEST_IDENTITIES.requester);
  await page.waitForURL("**/requests");
  await page.goto("/requests/new");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/signin");
  await page.goto("/requests/new");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});

test("a user the identity provider has disabled gets no session in the portal", async ({ page }) => {
  await signInThroughIdentityProvider(page, TEST_IDENTITIES.disabled);
  await expect(page.getByRole("alert")).toHaveText("This account is disabled. Contact your administrator.");
  await page.goto("/requests");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});
