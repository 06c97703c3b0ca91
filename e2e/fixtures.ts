import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import pg from "pg";

import { hashToken, newTokenSecret, TOKEN_PREFIX } from "../lib/db/tokens/token-secret";

export const DEMO_USERS = {
  alice: "alice@example.com",
  carol: "carol@example.com",
  bob: "bob@example.com",
  dana: "dana@example.com",
  erin: "erin@example.com",
} as const;
export type DemoUser = keyof typeof DEMO_USERS;

export const authFile = (user: DemoUser) => fileURLToPath(new URL(`.auth/${user}.json`, import.meta.url));

// Written by scripts/e2e-server.ts: the database of this run.
const DATABASE_URL_FILE = fileURLToPath(new URL("../.data/e2e-database-url", import.meta.url));

export const ORDERS_PROD = "orders-prod";

// What an automation client would send; the same values the requester types in the UI specs.
export function crossAccountRequest(justification: string) {
  return {
    clusterArn: "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/7d0c7a4e-1b2c-4d3e-9f40-000000000001-1",
    client: {
      type: "aws-vpc",
      accountId: "222222222222",
      region: "us-east-1",
      vpcId: "vpc-0bbb0000000000001",
      securityGroupIds: ["sg-0bbb0000000000001"],
    },
    authModes: ["iam"],
    environment: "dev",
    justification,
    // The specs file this one client many times over; whether to file a duplicate is everyday-actions.spec.ts's subject.
    fileAnyway: true,
  };
}

export const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Fixtures = {
  /** A page in a browser context signed in as the demo user (state saved by the setup project). */
  pageAs: (user: DemoUser) => Promise<Page>;
  /** A fresh API token of the demo user, created directly in the run's database. */
  tokenFor: (user: DemoUser) => Promise<string>;
  sql: pg.Client;
};

// Fixture callbacks name their second argument `provide`, not Playwright's customary `use`, which React's
// hook lint rule would mistake for React.use.
export const test = base.extend<Fixtures>({
  // A new connection per API call: a spec that waits in the browser longer than the server's 5 s keep-alive
  // would otherwise send its next call down a socket the server is closing at that moment (ECONNRESET).
  request: async ({ playwright, baseURL }, provide) => {
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { connection: "close" } });
    await provide(context);
    await context.dispose();
  },
  pageAs: async ({ browser, baseURL }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async (user) => {
      const context = await browser.newContext({ storageState: authFile(user), baseURL });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  sql: async ({}, provide) => {
    const client = new pg.Client({ connectionString: readFileSync(DATABASE_URL_FILE, "utf8").trim() });
    await client.connect();
    await provide(client);
    await client.end();
  },
  tokenFor: async ({ sql }, provide) => {
    await provide(async (user) => {
      const token = newTokenSecret();
      await sql.query(
        `INSERT INTO "ApiToken" (id, "userId", name, prefix, "tokenHash")
         SELECT $1, id, $2, $3, $4 FROM "User" WHERE email = $5`,
        [`e2e_${hashToken(token).slice(0, 20)}`, "e2e fixture", token.slice(0, TOKEN_PREFIX.length + 6), hashToken(token), DEMO_USERS[user]],
      );
      return token;
    });
  },
});

export { expect };

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Files a request through the JSON API as the token's owner; for specs whose subject is what happens next. */
export async function fileRequestViaApi(request: APIRequestContext, token: string, justification: string) {
  const response = await request.post("/api/v1/requests", { headers: bearer(token), data: crossAccountRequest(justification) });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; number: number; scenario: string; status: string };
}

export async function requestStatus(sql: pg.Client, id: string): Promise<string> {
  const { rows } = await sql.query<{ status: string }>(`SELECT status FROM "AccessRequest" WHERE id = $1`, [id]);
  return rows[0]?.status ?? "missing";
}

export type VpcClientForm = { accountId: string; vpcId: string; securityGroups: string; justification: string };

/** Fills the new-request form the way a person does: pick the cluster, type the client's location. */
export async function fillVpcRequestForm(page: Page, form: VpcClientForm) {
  await page.goto("/requests/new");
  const cluster = page.getByLabel("MSK cluster");
  const value = await cluster.locator("option", { hasText: ORDERS_PROD }).getAttribute("value");
  await cluster.selectOption(value ?? "");
  await page.getByRole("radio", { name: /An AWS VPC/ }).check();
  await page.getByLabel("AWS account id", { exact: true }).pressSequentially(form.accountId);
  await page.getByLabel("Region", { exact: true }).selectOption("us-east-1");
  await page.getByLabel("VPC id", { exact: true }).pressSequentially(form.vpcId);
  await page.getByLabel("Client security groups").fill(form.securityGroups);
  await page.getByLabel("Justification", { exact: true }).fill(form.justification);
}

/**
 * Files the filled-in form and waits for the new request's page. The specs share one database, so a live
 * request for the same client may exist from an earlier spec: the form then asks whether to file anyway, and
 * this answers yes (e2e/everyday-actions.spec.ts is where that question itself is tested).
 */
export async function fileTheForm(page: Page) {
  await page.getByRole("button", { name: "File request" }).click();
  const duplicate = page.getByTestId("duplicate-warning");
  await expect(duplicate.or(page.getByRole("heading", { level: 1, name: /Request #\d+/ }))).toBeVisible({ timeout: 30_000 });
  if (await duplicate.isVisible()) {
    await page.getByRole("checkbox", { name: /File anyway/ }).check();
    await page.getByRole("button", { name: "File request" }).click();
  }
  await page.waitForURL(/\/requests\/(?!new)[^/]+$/);
}

// Approval hands the request to the provisioner, which (against the fast sandbox) moves it on within
// moments; what matters to these specs is that it was approved, not how far provisioning has got.
export const APPROVED_OR_LATER = ["APPROVED", "PROVISIONING", "VERIFYING", "ACTIVE", "FAILED", "ROLLING_BACK", "ROLLED_BACK"];
export const APPROVED_OR_LATER_LABEL = /^(Approved, queued|Provisioning|Verifying|Active|Failed|Rolling back|Rolled back)$/;
