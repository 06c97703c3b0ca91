import { readdirSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { APP_ROUTES, appRouteOf } from "./app-routes";
import { httpRouteLabel } from "./route-label";

// Every page and route handler on disk, as Next serves them: route groups and private folders add no segment.
function routesOnDisk(dir = path.join(process.cwd(), "app"), prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_") || entry.name === "testing") return [];
      const segment = entry.name.startsWith("(") ? "" : `/${entry.name}`;
      return routesOnDisk(path.join(dir, entry.name), prefix + segment);
    }
    return /^(page|route)\.tsx?$/.test(entry.name) ? [prefix || "/"] : [];
  });
}

describe("the HTTP metrics' route labels", () => {
  it("are exactly the app's routes", () => {
    expect([...APP_ROUTES].sort()).toEqual([...new Set(routesOnDisk())].sort());
  });

  it.each<[string, number, string]>([
    ["/requests/new", 200, "/requests/new"],
    ["/requests/0b7c9a3e-1f2d-4c5b-8a9e-1234567890ab", 200, "/requests/[id]"],
    ["/api/v1/requests/abc/approve", 401, "/api/v1/requests/[id]/approve"],
    ["/api/auth/callback/oidc?code=x", 302, "/api/auth/[...nextauth]"],
    ["/catalog/clusters/c1/access.csv", 200, "/catalog/clusters/[id]/access.csv"],
    ["/_next/static/chunks/app-1a2b.js", 200, "/_next/static"],
    ["/requests/a/b/c/d", 200, "(other)"],
    ["/wp-login.php/", 308, "(other)"],
    ["/anything-at-all", 404, "(unmatched)"],
  ])("%s (%i) -> %s", (url, status, label) => {
    expect(httpRouteLabel(url, status)).toBe(label);
  });

  it("read no path a client makes up as a label of its own", () => {
    const labels = new Set(Array.from({ length: 200 }, (_, i) => httpRouteLabel(`/x${i}/y${i}/`, 308)));
    expect([...labels]).toEqual(["(other)"]);
    expect(appRouteOf("/")).toBe("/");
  });
});
