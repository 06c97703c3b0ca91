import type { APIRequestContext, Page } from "@playwright/test";

import type { ClientLocation } from "../lib/domain/request-input";
import { bearer, expect, unique } from "./fixtures";

export const ORDERS_PROD_ARN = "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/7d0c7a4e-1b2c-4d3e-9f40-000000000001-1";

/** Files an IAM request for orders-prod through the JSON API as the token's owner; returns its id. */
export async function fileViaApi(request: APIRequestContext, token: string, client: ClientLocation, label: string): Promise<string> {
  const response = await request.post("/api/v1/requests", {
    headers: bearer(token),
    data: { clusterArn: ORDERS_PROD_ARN, client, authModes: ["iam"], environment: "dev", justification: unique(`${label}: the client reads order events`), fileAnyway: true },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The request's status badge at the top of its detail page. */
export const statusBadge = (page: Page) => page.locator("h1 + [data-status]");

/** What a person sees once the page has settled in `status`: the badge says so and the page stops refreshing itself. */
export async function expectSettled(page: Page, status: string, label: string, timeout = 45_000) {
  await expect(page.locator(`h1 + [data-status="${status}"]`)).toBeVisible({ timeout });
  await expect(statusBadge(page)).toHaveText(label);
  await expect(page.getByTestId("live-refresh")).toHaveCount(0);
}

/** An approver opens the request and approves it; the page shows it on its way. */
export async function approveInUi(page: Page, id: string) {
  await page.goto(`/requests/${id}`);
  await expect(statusBadge(page)).toHaveText("Awaiting approval");
  await page.getByTestId("decision-form").getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Approved by bob@example.com")).toBeVisible();
}

/** Each line of the change list with the status the provisioner gave its step ("done", "failed", …). */
export function changeSteps(page: Page) {
  return page.getByTestId("change-list").locator("li[data-step-kind]");
}

export async function waitForStatus(request: APIRequestContext, token: string, id: string, status: RegExp, timeout = 45_000) {
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/requests/${id}`, { headers: bearer(token) })).json()) as { status: string }).status, { timeout })
    .toMatch(status);
}

/**
 * Decommission, roll back, cancel or reject from the request page: the button opens a dialog that asks for a
 * reason (and, for a production request, its number) before anything happens.
 */
export async function confirmWithReason(page: Page, button: string, reason: string, requestNumber?: number) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason").fill(reason);
  if (requestNumber !== undefined) await dialog.getByLabel(/Type its number/).fill(String(requestNumber));
  await dialog.getByRole("button", { name: new RegExp(`^${button} #\\d+$`) }).click();
  await expect(dialog).toBeHidden();
}
