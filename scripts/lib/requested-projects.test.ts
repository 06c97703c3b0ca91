import { describe, expect, it } from "vitest";

import { needsServer, requestedProjects } from "./requested-projects";

describe("which webServers a Playwright run needs", () => {
  it.each([
    [["test"], "all"],
    [["test", "--project=production"], ["production"]],
    [["test", "--project", "production"], ["production"]],
    [["test", "--project", "setup", "aws", "--workers=1"], ["setup", "aws"]],
    [["test", "--project=Production", "--project=chromium"], ["production", "chromium"]],
  ])("%j selects %j", (argv, expected) => {
    expect(requestedProjects(argv)).toEqual(expected);
  });

  it("starts the production server only for the production project, and the dev server only for the others", () => {
    expect(needsServer(["production"], ["production"])).toBe(true);
    expect(needsServer(["production"], ["setup", "aws", "read-only", "chromium"])).toBe(false);
    expect(needsServer(["chromium"], ["production"])).toBe(false);
    expect(needsServer("all", ["production"])).toBe(true);
  });
});
