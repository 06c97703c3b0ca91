import { expect, test, type ConsoleMessage } from "@playwright/test";

// Against the production build only: `next dev` runs with a relaxed policy (see lib/http/security-headers.ts).
// Signed out, every page ends at the sign-in page; each answer on the way must carry the headers, and the
// browser must run the pages under the nonce policy without reporting a violation.
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
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(violations).toEqual([]);
  });
}

test("API answers are not cached", async ({ request }) => {
  const response = await request.get("/api/v1/requests");
  expect(response.status()).toBe(401);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
