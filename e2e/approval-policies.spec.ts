import { readFile } from "node:fs/promises";

import type { APIRequestContext, Page } from "@playwright/test";

import type { ClientLocation } from "../lib/domain/request-input";
import { bearer, expect, test, unique } from "./fixtures";
import { expectSettled, ORDERS_PROD_ARN, statusBadge, waitForStatus } from "./lifecycle";

const ANALYTICS_DEV_ARN = "arn:aws:kafka:us-east-1:111111111111:cluster/analytics-dev/7d0c7a4e-1b2c-4d3e-9f40-000000000002-2";
const SAME_VPC: ClientLocation = { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000001", securityGroupIds: ["sg-0aaa0000000000002"] };

// One request after another: the cases build the same security-group rule, and the freeze holds everything.
test.describe.configure({ mode: "serial" });

async function file(request: APIRequestContext, token: string, fields: { clusterArn: string; environment: string }, label: string) {
  const response = await request.post("/api/v1/requests", {
    headers: bearer(token),
    data: { ...fields, client: SAME_VPC, authModes: ["iam"], justification: unique(`${label}: the client reads events`), fileAnyway: true },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; number: number };
}

/** Removes the connection again, so the next case starts from the sandbox as it was. */
async function decommission(request: APIRequestContext, token: string, id: string) {
  const response = await request.post(`/api/v1/requests/${id}/decommission`, { headers: bearer(token), data: { comment: "Approval policy test is done" } });
  expect(response.status(), await response.text()).toBe(200);
  await waitForStatus(request, token, id, /^DECOMMISSIONED$/, 90_000);
}

async function approveOnPage(page: Page, id: string) {
  await page.goto(`/requests/${id}`);
  await page.getByTestId("decision-form").getByRole("button", { name: "Approve" }).click();
}

test("a prod request needs two approvers, one from platform-network, and provisions only after the second", async ({ pageAs, tokenFor, request }) => {
  test.setTimeout(180_000);
  const alice = await tokenFor("alice");
  const filed = await file(request, alice, { clusterArn: ORDERS_PROD_ARN, environment: "prod" }, "Prod approvals");

  const erin = await pageAs("erin");
  await erin.goto(`/requests/${filed.id}`);
  const policy = erin.getByTestId("approval-policy");
  await expect(policy.getByTestId("policy-name")).toContainText("Production needs two approvals, one from platform-network");
  await expect(policy).toContainText("Applied because environment is prod");
  await expect(policy.getByTestId("approval-progress")).toHaveText("0 of 2 approvals; needs one from platform-network");
  await approveOnPage(erin, filed.id);
  await expect(erin.getByTestId("form-message")).toHaveText("Approval recorded: 1 of 2 approvals; needs one from platform-network.");
  await erin.reload();
  await expect(statusBadge(erin)).toHaveText("Awaiting approval");
  await expect(erin.getByTestId("approvals")).toContainText("erin@example.com");
  await expect(erin.getByTestId("approval-needed")).toHaveText("Still needed: one from platform-network.");
  // Her approval counts once: the queue no longer offers her the request.
  await erin.goto("/approvals");
  await expect(erin.getByTestId("approval-item").filter({ hasText: `Request #${filed.number} ` })).toHaveCount(0);

  // Bob is in platform-network: the queue shows him the request and what it still needs.
  const bob = await pageAs("bob");
  await bob.goto("/approvals");
  const item = bob.getByTestId("approval-item").filter({ hasText: `Request #${filed.number} ` });
  await expect(item.getByTestId("queue-approval")).toContainText("1 of 2 approvals; needs one from platform-network (approved by erin@example.com)");
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(item).toHaveCount(0);

  await bob.goto(`/requests/${filed.id}`);
  await expectSettled(bob, "ACTIVE", "Active");
  await expect(bob.getByTestId("approvals")).toContainText("erin@example.com");
  await expect(bob.getByTestId("approvals")).toContainText("bob@example.com");
  await expect(bob.getByTestId("timeline")).toContainText("bob@example.com approved");
  await decommission(request, alice, filed.id);
});

test("a dev same-VPC request on analytics-dev is approved by its policy and provisions with no person", async ({ pageAs, tokenFor, request }) => {
  test.setTimeout(180_000);
  const alice = await tokenFor("alice");
  const filed = await file(request, alice, { clusterArn: ANALYTICS_DEV_ARN, environment: "dev" }, "Auto approval");
  await waitForStatus(request, alice, filed.id, /^ACTIVE$/, 90_000);

  const detail = (await (await request.get(`/api/v1/requests/${filed.id}`, { headers: bearer(alice) })).json()) as { approvalPolicy: unknown; decision: unknown };
  expect(detail.approvalPolicy).toMatchObject({
    policy: { name: "Dev same-VPC requests on analytics-dev are approved automatically", version: 1, outcome: "auto-approve", why: expect.arrayContaining(["environment is dev", "scenario is same-vpc"]) },
    satisfied: true,
    approvals: [],
  });
  const page = await pageAs("alice");
  await page.goto(`/requests/${filed.id}`);
  await expect(page.getByTestId("policy-name")).toContainText("Dev same-VPC requests on analytics-dev are approved automatically");
  const approved = page.getByTestId("timeline").getByRole("listitem").filter({ hasText: "approval policy approved" });
  await expect(approved).toContainText('Approved by the approval policy "Dev same-VPC requests on analytics-dev are approved automatically" (version 1)');

  // The cluster's page lists the connection the portal made, and its CSV carries it.
  const bob = await pageAs("bob");
  await bob.goto("/catalog");
  await bob.getByRole("row", { name: /analytics-dev/ }).getByRole("link", { name: /connections/i }).click();
  await bob.waitForURL(/\/catalog\/clusters\//, { timeout: 60_000 });
  const row = bob.getByTestId("cluster-connection").filter({ has: bob.getByRole("link", { name: `#${filed.number}`, exact: true }) });
  await expect(row).toContainText("Active");
  await expect(row).toContainText("Same VPC");
  const download = bob.waitForEvent("download");
  await bob.getByRole("link", { name: "Download connections as CSV" }).click();
  const csv = await readFile((await (await download).path()) ?? "", "utf8");
  expect(csv.split("\r\n")[0]).toMatch(/^request_number,status,scenario,method/);
  expect(csv).toContain(`\r\n${filed.number},ACTIVE,same-vpc,`);
  // What the same-VPC connection made in AWS (its rule on the broker security group) is marked as made by it.
  await expect(bob.getByTestId("existing-access").filter({ hasText: new RegExp(`made by request #${filed.number}\\b`) })).toHaveCount(1);
  await decommission(request, alice, filed.id);
});

test("a change freeze holds the approval until its window ends, then the request provisions", async ({ pageAs, tokenFor, request }) => {
  test.setTimeout(240_000);
  const erin = await pageAs("erin");
  const now = Date.now();
  const utc = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  await erin.goto("/admin/freezes");
  await erin.getByLabel("Starts (UTC)").fill(utc(now - 60_000));
  await erin.getByLabel("Ends (UTC)").fill(utc(now + 45_000));
  const reason = unique("End-to-end freeze");
  await erin.getByLabel("Reason").fill(reason);
  await erin.getByRole("button", { name: "Add freeze" }).click();
  await expect(erin.getByTestId("form-message")).toContainText("Freeze saved");
  await expect(erin.getByTestId("freeze-row").filter({ hasText: reason })).toContainText("in force");

  const alice = await tokenFor("alice");
  const filed = await file(request, alice, { clusterArn: ORDERS_PROD_ARN, environment: "dev" }, "Freeze");
  const bob = await pageAs("bob");
  await approveOnPage(bob, filed.id);
  await expect(bob.getByTestId("form-message")).toContainText(`The change freeze (${reason}) holds the request until`);
  await bob.reload();
  await expect(bob.getByTestId("freeze-hold")).toContainText(`Held by the change freeze until ${new Date(now + 45_000).toISOString().replace("T", " ").slice(0, 19)} UTC: ${reason}`);
  await expect(statusBadge(bob)).toHaveText("Awaiting approval");

  // Nobody acts again: when the window ends the request is approved and provisioned.
  await waitForStatus(request, alice, filed.id, /^ACTIVE$/, 150_000);
  await bob.reload();
  await expect(bob.getByTestId("freeze-hold")).toHaveCount(0);
  await decommission(request, alice, filed.id);
});
