import { expect, test, type ConsoleMessage } from "@playwright/test";

import { TEST_IDENTITIES } from "../oidc/test-identities";

import { signInThroughIdentityProvider } from "./sign-in-through-identity-provider";

// Against the production build only: `next dev` runs with a relaxed policy (see lib/http/security-headers.ts).
// Signed out, every page ends at the sign-in page; each answer on the way must carry the headers, and the
// browser must run the pages under the nonce policy without reporting a violation.
const SIGNED_IN_PAGES = ["/dashboard", "/requests", "/requests/new", "/approvals", "/audit", "/notifications", "/catalog", "/admin", "/admin/people", "/admin/policies", "/admin/freezes", "/admin/webhooks", "/tokens"];
const PAGES = ["/signin", "/requests", "/requests/new", "/approvals", "/audit", "/tokens", "/catalog", "/admin", "/requests/none"];

for (const url of PAGES) {
  test(`${url} is served with the security headers and runs under its policy`, async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message: ConsoleMessage) => {
      if (/content security policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(url, { waitUntil: "networkidle" });
    const headers = response?.headers() ?? {};
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    // This server is reached over plain http (AUTH_URL is http://localhost): no HSTS, no upgrade of requests.
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(violations).toEqual([]);
  });
}

// Signed in, the pages render their own scripts (forms, dialogs, charts): every one must run under the nonce
// policy too, and the headers must be there on the page itself rather than only on a redirect.
test("signed in as an administrator, every page runs under the policy without a violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (/content security policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await signInThroughIdentityProvider(page, TEST_IDENTITIES.admin);
  await page.waitForURL("**/requests");
  for (const url of SIGNED_IN_PAGES) {
    const response = await page.goto(url, { waitUntil: "networkidle" });
    expect(new URL(page.url()).pathname, `${url} was not redirected`).toBe(url);
    expect(response?.headers()["content-security-policy"], url).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  }
  expect(violations).toEqual([]);
});

test("API answers are not cached", async ({ request }) => {
  const response = await request.get("/api/v1/requests");
  expect(response.status()).toBe(401);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
