import { defineConfig } from "@playwright/test";

import { needsServer, requestedProjects } from "./scripts/lib/requested-projects";

// End-to-end tests in real Chromium against `next dev` on its own port, fresh database and sandbox AWS
// (scripts/e2e-server.ts). The setup project signs each demo user in once and warms up the routes, so the
// first compile of a page (slow on a small machine) does not count against a test's timeout.
const PORT = 3100;
const baseURL = `http://localhost:${PORT}`;
// The `production` project: the standalone server of a real `next build`, signing in through a real OpenID
// Connect provider (scripts/e2e-prod-server.ts). It shares nothing with the dev server's projects.
const PRODUCTION_PORT = 3200;
const PRODUCTION_SPECS = /\/production\/[^/]+\.spec\.ts$/;
const DEV_PROJECTS = ["setup", "aws", "read-only", "chromium"];
const requested = requestedProjects(process.argv);
const CHROMIUM = { browserName: "chromium", viewport: { width: 1280, height: 900 } } as const;
// approval-policies sets a change freeze, which would hold every other spec's approvals: it runs alone here.
const AWS_SPECS = /\/(provisioning|operations|approval-policies|path-analysis)\.spec\.ts$/;
const READ_ONLY_SPECS = /\/(admin|file-request|request-validation|json-api|cost-estimate)\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS) || 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /global\.setup\.ts/, timeout: 300_000 },
    // Specs that provision compare whole-sandbox snapshots before and after each request, so they run one at a
    // time, and before every spec that approves requests (each approval builds real resources in the one
    // sandbox). Specs that never change AWS run beside them.
    { name: "aws", testMatch: AWS_SPECS, workers: 1, use: CHROMIUM, dependencies: ["setup"] },
    { name: "read-only", testMatch: READ_ONLY_SPECS, use: CHROMIUM, dependencies: ["setup"] },
    // Everything else, new specs included, may provision: after the AWS specs are done.
    {
      name: "chromium",
      testIgnore: [AWS_SPECS, READ_ONLY_SPECS, PRODUCTION_SPECS, /global\.setup\.ts/],
      use: CHROMIUM,
      dependencies: ["aws"],
    },
    { name: "production", testMatch: PRODUCTION_SPECS, use: { ...CHROMIUM, baseURL: `http://localhost:${PRODUCTION_PORT}` } },
  ],
  webServer: [
    ...(needsServer(requested, DEV_PROJECTS) ? [devServer()] : []),
    ...(needsServer(requested, ["production"]) ? [productionServer()] : []),
  ],
});

function devServer() {
  return {
    command: "node_modules/.bin/tsx --conditions=react-server scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    // A server left running (e.g. `E2E_REUSE_SERVER=1` while writing specs) is reused only when asked for:
    // by default every run gets a fresh database.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: process.env.E2E_SERVER_LOG === "1" ? "pipe" : "ignore",
    stderr: "pipe",
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  } as const;
}

// A `next build` takes minutes on a small machine; the server answers only once it is built and started.
function productionServer() {
  return {
    command: "node_modules/.bin/tsx --conditions=react-server scripts/e2e-prod-server.ts",
    // It listens on 127.0.0.1 only (HOSTNAME), which "localhost" may not resolve to first outside a browser.
    url: `http://127.0.0.1:${PRODUCTION_PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: process.env.E2E_SERVER_LOG === "1" ? "pipe" : "ignore",
    stderr: "pipe",
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  } as const;
}
