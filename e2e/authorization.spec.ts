import { APPROVED_OR_LATER, bearer, expect, fileRequestViaApi, requestStatus, test, unique } from "./fixtures";

test("a requester has no approval queue", async ({ pageAs }) => {
  const alice = await pageAs("alice");
  await alice.goto("/requests");
  const nav = alice.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "New request" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Approvals" })).toHaveCount(0);

  const response = await alice.goto("/approvals");
  expect(response?.status()).toBe(403);
  await expect(alice.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(alice.getByTestId("approval-item")).toHaveCount(0);
});

test("a requester cannot approve through the API", async ({ request, tokenFor, sql }) => {
  const token = await tokenFor("alice");
  const filed = await fileRequestViaApi(request, token, unique("Self-approval attempt through the API"));
  const response = await request.post(`/api/v1/requests/${filed.id}/approve`, { headers: bearer(token), data: { comment: "lgtm" } });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: "forbidden" });
  expect(await requestStatus(sql, filed.id)).toBe("SUBMITTED");
});

test("a forged decision server action is refused for a requester", async ({ pageAs, request, tokenFor, sql }) => {
  const filed = await fileRequestViaApi(request, await tokenFor("alice"), unique("Forged server action target request"));

  // The action id is public: it is in every approver's page. Take it from Bob's rendered form.
  const bob = await pageAs("bob");
  await bob.goto(`/requests/${filed.id}`);
  const form = bob.getByTestId("decision-form");
  // The approve and reject forms carry the same decision action.
  const actionField = form.locator('input[type="hidden"][name^="$ACTION_"][name$=":0"]').first();
  const actionId = (JSON.parse((await actionField.getAttribute("value")) ?? "{}") as { id?: string }).id;
  expect(actionId).toMatch(/^[0-9a-f]{20,}$/);
  const version = await form.locator('input[name="version"]').first().inputValue();

  // What React's client sends for useActionState(action)(prevState, formData): the form fields under "_1_",
  // the argument list in "0".
  const fields: [string, string][] = [
    ["_1_requestId", filed.id],
    ["_1_version", version],
    ["_1_decision", "approve"],
    ["_1_comment", "forged"],
    ["0", JSON.stringify([null, "$K1"])],
  ];
  const boundary = "----e2eForgedActionBoundary";
  const body = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  const forge = (page: typeof bob) =>
    page.request.post(`/requests/${filed.id}`, {
      headers: { "Next-Action": actionId ?? "", Accept: "text/x-component", "Content-Type": `multipart/form-data; boundary=${boundary}` },
      data: body,
    });

  const alice = await pageAs("alice");
  const forged = await forge(alice);
  expect(await forged.text()).toContain("Only approvers can approve requests");
  expect(await requestStatus(sql, filed.id)).toBe("SUBMITTED");
  await alice.goto(`/requests/${filed.id}`);
  await expect(alice.locator("[data-status]").first()).toHaveText("Awaiting approval");

  // The same bytes from an approver do approve: the refusal above came from the role check, not a bad forgery.
  const genuine = await forge(bob);
  expect(genuine.status()).toBe(200);
  expect(APPROVED_OR_LATER).toContain(await requestStatus(sql, filed.id));
});
