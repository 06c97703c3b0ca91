import { mkdirSync } from "node:fs";
import path from "node:path";

import { authFile, DEMO_USERS, expect, test as setup, type DemoUser } from "./fixtures";

// Compiling a route the first time takes seconds under `next dev`; visiting each one here keeps that out of
// the specs' timeouts.
const PAGES = ["/dashboard", "/requests", "/requests/new", "/approvals", "/audit", "/tokens", "/catalog", "/admin", "/requests/not-a-request"];
const API = ["/api/health", "/api/v1/requests", "/api/v1/requests/none", "/api/v1/audit"];

setup.describe.configure({ mode: "serial" });

setup("warm up the routes", async ({ request }) => {
  for (const url of ["/signin", ...API]) {
    const response = await request.get(url);
    expect(response.status(), url).toBeLessThan(500);
  }
  for (const action of ["approve", "reject", "cancel"]) {
    const response = await request.post(`/api/v1/requests/none/${action}`);
    expect(response.status()).toBe(401);
  }
});

for (const user of Object.keys(DEMO_USERS) as DemoUser[]) {
  setup(`sign in as ${user}`, async ({ page }) => {
    // A click before the page has hydrated, or while the dev server hot-reloads it, is lost: wait for the
    // page's scripts, and try again when it happens anyway.
    await expect(async () => {
      await page.goto("/signin", { waitUntil: "networkidle" });
      await page.getByRole("button", { name: new RegExp(DEMO_USERS[user]) }).click();
      await page.waitForURL("**/requests", { timeout: 20_000 });
    }).toPass({ timeout: 120_000 });
    await expect(page.getByTestId("signed-in-as")).toContainText(DEMO_USERS[user]);
    mkdirSync(path.dirname(authFile(user)), { recursive: true });
    await page.context().storageState({ path: authFile(user) });
    if (user === "erin") {
      // The admin may open every page, so one pass compiles them all (client bundles included).
      for (const url of PAGES) {
        await expect(async () => {
          const response = await page.goto(url);
          expect(response?.status() ?? 500, url).toBeLessThan(500);
        }).toPass({ timeout: 120_000 });
      }
      // A cluster's page has an id in its path: reached from the catalog, as the specs reach it.
      await page.goto("/catalog");
      await page.getByRole("link", { name: "Connections" }).first().click();
      await page.waitForURL(/\/catalog\/clusters\//, { timeout: 120_000 });
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 60_000 });
    }
  });
}
