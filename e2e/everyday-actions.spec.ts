import type { APIRequestContext } from "@playwright/test";

import { bearer, expect, fillVpcRequestForm, test, unique } from "./fixtures";
import { ORDERS_PROD_ARN, statusBadge } from "./lifecycle";

// The same-VPC client of the MSK account: a connection with no peering, quick to build and to remove.
const SAME_VPC = { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000001", securityGroupIds: ["sg-0aaa0000000000002"] };

async function fileProd(request: APIRequestContext, token: string, justification: string) {
  const response = await request.post("/api/v1/requests", {
    headers: bearer(token),
    data: { clusterArn: ORDERS_PROD_ARN, client: SAME_VPC, authModes: ["iam"], environment: "prod", justification, fileAnyway: true },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; number: number };
}

test("decommissioning a production connection asks for a reason and its number, at 390 px too", async ({ pageAs, request, tokenFor, sql }) => {
  const filed = await fileProd(request, await tokenFor("alice"), unique("Settlement consumer in the platform VPC"));
  // What is asked before removing is the subject here, not provisioning: the request is made active directly.
  await sql.query(`UPDATE "AccessRequest" SET status = 'ACTIVE' WHERE id = $1`, [filed.id]);

  const alice = await pageAs("alice");
  await alice.setViewportSize({ width: 390, height: 844 });
  await alice.goto(`/requests/${filed.id}`);
  const opener = alice.getByRole("button", { name: "Decommission", exact: true });
  await opener.click();
  const dialog = alice.getByRole("dialog", { name: `Decommission request #${filed.number}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Reason")).toBeFocused();
  const box = await dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
  // Escape closes it and gives focus back; nothing happened.
  await alice.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(statusBadge(alice)).toHaveText("Active");

  await opener.click();
  const confirm = dialog.getByRole("button", { name: `Decommission #${filed.number}` });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type its number/).fill(String(filed.number + 1));
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type its number/).fill(String(filed.number));
  await confirm.click();
  // No reason: refused at its field, the connection untouched.
  await expect(dialog.getByLabel("Reason")).toHaveAccessibleDescription(/Say why \(at least 5 characters\)/);
  expect((await sql.query<{ status: string }>(`SELECT status FROM "AccessRequest" WHERE id = $1`, [filed.id])).rows[0]?.status).toBe("ACTIVE");

  const reason = unique("The settlement job moved to the new cluster");
  await dialog.getByLabel("Reason").fill(reason);
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(statusBadge(alice)).not.toHaveText("Active");
  const { rows } = await sql.query<{ comment: string }>(
    `SELECT details->>'comment' AS comment FROM "AuditEvent" WHERE "requestId" = $1 AND action = 'request.decommission'`,
    [filed.id],
  );
  expect(rows.map((r) => r.comment)).toEqual([reason]);
});

test("an auth mode the cluster does not enable is refused at its field and nothing is filed", async ({ pageAs, sql }) => {
  const alice = await pageAs("alice");
  const justification = unique("Analytics reader that wants SASL/SCRAM");
  await fillVpcRequestForm(alice, { accountId: "222222222222", vpcId: "vpc-0bbb0000000000001", securityGroups: "sg-0bbb0000000000001", justification });
  const cluster = alice.getByLabel("MSK cluster");
  await cluster.selectOption((await cluster.locator("option", { hasText: "analytics-dev" }).getAttribute("value")) ?? "");
  await alice.getByRole("checkbox", { name: /^SASL\/SCRAM/ }).check();
  await alice.getByRole("checkbox", { name: "IAM", exact: true }).uncheck();
  await alice.getByRole("button", { name: "File request" }).click();

  await expect(alice.getByRole("group", { name: "Authentication" })).toHaveAccessibleDescription(/analytics-dev does not enable SASL\/SCRAM client authentication/);
  expect(new URL(alice.url()).pathname).toBe("/requests/new");
  const stored = await sql.query(`SELECT 1 FROM "AccessRequest" WHERE justification = $1`, [justification]);
  expect(stored.rowCount).toBe(0);
});

test("file a similar request: prefilled from the first, warned that it duplicates it, and recorded", async ({ pageAs, request, tokenFor, sql }) => {
  const justification = unique("Payments reader of the orders topic");
  const first = await request.post("/api/v1/requests", {
    headers: bearer(await tokenFor("alice")),
    data: {
      clusterArn: ORDERS_PROD_ARN,
      client: { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000004", securityGroupIds: ["sg-0bbb0000000000031"] },
      authModes: ["iam"],
      environment: "staging",
      justification,
      topicAccess: { readTopics: ["orders"], writeTopics: [], consumerGroups: ["payments-reader"] },
      fileAnyway: true,
    },
  });
  expect(first.status(), await first.text()).toBe(201);
  const source = (await first.json()) as { id: string; number: number };

  const alice = await pageAs("alice");
  await alice.goto(`/requests/${source.id}`);
  await alice.getByRole("link", { name: "File a similar request" }).click();
  await expect(alice.getByTestId("filed-from")).toContainText(`Prefilled from request #${source.number}`);
  await expect(alice.getByLabel("VPC id", { exact: true })).toHaveValue("vpc-0bbb0000000000004");
  await expect(alice.getByLabel("Client security groups")).toHaveValue("sg-0bbb0000000000031");
  await expect(alice.getByLabel("Environment")).toHaveValue("staging");
  await expect(alice.getByLabel("Topics to read")).toHaveValue("orders");
  await expect(alice.getByLabel("Justification", { exact: true })).toHaveValue(justification);

  // The first request still connects this client: the form links to it and asks before filing another.
  await alice.getByRole("button", { name: "File request" }).click();
  await expect(alice.getByTestId("form-message")).toContainText(`#${source.number} already`);
  const warning = alice.getByTestId("duplicate-warning");
  await expect(warning).toContainText(`#${source.number} already`);
  await expect(warning.getByRole("link", { name: `Open request #${source.number}` })).toHaveAttribute("href", `/requests/${source.id}`);
  expect(new URL(alice.url()).pathname).toBe("/requests/new");
  await warning.getByRole("checkbox", { name: /File anyway/ }).check();
  await alice.getByRole("button", { name: "File request" }).click();
  await alice.waitForURL(/\/requests\/(?!new)[^/]+$/);
  const newId = new URL(alice.url()).pathname.split("/").pop() ?? "";
  expect(newId).not.toBe(source.id);
  const { rows } = await sql.query<{ from: string; anyway: string }>(
    `SELECT details->'filedFrom'->>'id' AS from, details->>'filedAnyway' AS anyway FROM "AuditEvent" WHERE "requestId" = $1 AND action = 'request.submit'`,
    [newId],
  );
  expect(rows).toEqual([{ from: source.id, anyway: "true" }]);
});
