import { bearer, crossAccountRequest, expect, test, unique } from "./fixtures";

test("automation uses the JSON API with a token made in the portal", async ({ pageAs, request }) => {
  const alice = await pageAs("alice");
  await alice.goto("/tokens");
  const name = unique("ci-pipeline");
  await alice.getByLabel("Token name").fill(name);
  await alice.getByRole("button", { name: "Create token" }).click();
  await expect(alice.getByTestId("form-message")).toContainText("it is not shown again");
  const token = await alice.getByTestId("new-token").inputValue();
  expect(token).toMatch(/^mskp_/);
  const row = alice.getByTestId("token-row").filter({ hasText: name });
  await expect(row).toContainText("active");
  // Shown once: after a reload only its first characters remain.
  await alice.reload();
  await expect(alice.getByTestId("new-token")).toHaveCount(0);
  await expect(row).toContainText(`${token.slice(0, 11)}…`);
  await expect(alice.getByText(token)).toHaveCount(0);

  const justification = unique("CI pipeline files its own network access");
  const created = await request.post("/api/v1/requests", { headers: bearer(token), data: crossAccountRequest(justification) });
  expect(created.status()).toBe(201);
  const body = (await created.json()) as { id: string; number: number; scenario: string; status: string };
  expect(body).toMatchObject({ scenario: "cross-account", status: "SUBMITTED" });

  const list = await request.get("/api/v1/requests", { headers: bearer(token) });
  expect(list.status()).toBe(200);
  const { requests } = (await list.json()) as { requests: { id: string; team: string; requester: string }[] };
  expect(requests.find((r) => r.id === body.id)).toMatchObject({ team: "payments", requester: "alice@example.com" });

  const detail = await request.get(`/api/v1/requests/${body.id}`, { headers: bearer(token) });
  expect(detail.status()).toBe(200);
  expect(await detail.json()).toMatchObject({
    id: body.id,
    number: body.number,
    status: "SUBMITTED",
    justification,
    cluster: { name: "orders-prod", accountId: "111111111111" },
    timeline: expect.arrayContaining([expect.objectContaining({ actor: "alice@example.com", action: "request.submit" })]),
    // What the request page shows its requester: the plan to review, whether it can be approved, what she may do.
    plan: { state: "computed", method: "vpc-peering", steps: expect.arrayContaining([expect.objectContaining({ kind: "create-peering", progress: null })]) },
    approval: { approvable: true, reason: null },
    actions: ["cancel", "replan"],
    connection: null,
  });
  // The API's description is public: shapes only, every operation in it still needs a token.
  const described = await request.get("/api/v1/openapi.json");
  expect(described.status()).toBe(200);
  expect(await described.json()).toMatchObject({ openapi: "3.1.0", paths: { "/api/v1/requests/{id}": { get: { operationId: "getRequest" } } } });
  // The request the API filed is the one a person sees in the portal.
  await alice.goto(`/requests/${body.id}`);
  await expect(alice.getByTestId("scenario")).toHaveText("Other AWS account");

  const bad = await request.post("/api/v1/requests", {
    headers: bearer(token),
    data: { ...crossAccountRequest(""), client: { ...crossAccountRequest("").client, vpcId: "vpc-nope" } },
  });
  expect(bad.status()).toBe(400);
  const badBody = (await bad.json()) as { error: string; fields: Record<string, string[]> };
  expect(badBody.error).toBe("bad-request");
  expect(badBody.fields["client.vpcId"]).toEqual(["Enter a VPC id like vpc-0abc1234"]);
  expect(badBody.fields.justification).toEqual(["Say in at least 20 characters why the client needs access"]);

  const anonymous = await request.get("/api/v1/requests");
  expect(anonymous.status()).toBe(401);
  // The browser's session cookie is not an API credential.
  expect((await alice.request.get("/api/v1/requests")).status()).toBe(401);

  await alice.goto("/tokens");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  const revoked = await request.get("/api/v1/requests", { headers: bearer(token) });
  expect(revoked.status()).toBe(401);
  expect(await revoked.json()).toMatchObject({ error: "unauthenticated" });

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
});
