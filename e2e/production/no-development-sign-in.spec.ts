import { expect, test } from "@playwright/test";

// The production build has no password-less sign-in at all: not on the page, and not behind it.

test("the sign-in page offers single sign-on only", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in with single sign-on" })).toBeVisible();
  await expect(page.getByText("Development sign-in")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /@example\.com/ })).toHaveCount(0);
});

test("posting to the development credentials callback signs nobody in", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect(csrfToken).toBeTruthy();
  const response = await request.post("/api/auth/callback/dev", {
    form: { email: "erin@example.com", csrfToken, callbackUrl: "/requests" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeGreaterThanOrEqual(300);
  expect(response.headers()["location"] ?? "").not.toMatch(/\/requests$/);
  expect(await (await request.get("/api/auth/session")).json()).toBeNull();
  const page = await request.get("/requests", { maxRedirects: 0 });
  expect(page.headers()["location"] ?? "").toMatch(/\/signin/);
});
