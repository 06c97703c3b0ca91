import { expect, type Page } from "@playwright/test";

import { TEST_PASSWORD, type TestIdentity } from "../oidc/test-identities";

// What a person does: open the portal, choose single sign-on, type their credentials at the identity provider.
export async function signInThroughIdentityProvider(page: Page, identity: TestIdentity): Promise<void> {
  await page.goto("/requests");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await page.getByLabel("Email").fill(identity.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}
