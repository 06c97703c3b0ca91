import { expect, fileTheForm, fillVpcRequestForm, test, unique } from "./fixtures";

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

test("a request filed with an end date shows it; its team asks for an extension and an approver grants it", async ({ pageAs }) => {
  const alice = await pageAs("alice");
  const ends = inDays(14);
  const extended = inDays(45);
  await fillVpcRequestForm(alice, {
    accountId: "222222222222",
    vpcId: "vpc-0bbb0000000000001",
    securityGroups: "sg-0bbb0000000000001",
    justification: unique("Month-end reconciliation reads the orders topic"),
  });

  // A day that has passed is refused at the field, and nothing is filed.
  const endDate = alice.getByLabel("End date (optional)");
  await endDate.fill(inDays(-2));
  await alice.getByRole("button", { name: "File request" }).click();
  await expect(alice.locator("#endsAt-error")).toHaveText("Choose an end date in the future");
  await expect(endDate).toHaveAttribute("aria-invalid", "true");
  expect(new URL(alice.url()).pathname).toBe("/requests/new");

  await endDate.fill(ends);
  await fileTheForm(alice);
  const requestUrl = new URL(alice.url()).pathname;
  const number = (await alice.getByRole("heading", { level: 1 }).textContent())?.match(/#(\d+)/)?.[1];
  await expect(alice.getByTestId("request-ends")).toHaveText(`${ends} (00:00 UTC)`);
  await expect(alice.getByTestId("ends-at")).toContainText(`Removed on ${ends}`);

  await alice.goto("/requests");
  const row = alice.getByTestId("request-row").filter({ has: alice.getByRole("link", { name: `#${number}`, exact: true }) });
  await expect(row).toContainText(ends);

  // The team asks; a date before the current end is refused at its field.
  await alice.goto(requestUrl);
  await expect(alice.locator("html")).toHaveAttribute("data-hydrated", "true");
  const ask = alice.getByTestId("extension-ask-form");
  await ask.getByLabel("New end date").fill(inDays(7));
  await ask.getByLabel("Reason").fill("Reconciliation moved to the next quarter");
  await ask.getByRole("button", { name: "Ask for an extension" }).click();
  await expect(alice.locator("#extension-toEndsAt-error")).toContainText(`Choose a date after the current end date (${ends})`);
  await ask.getByLabel("New end date").fill(extended);
  await ask.getByRole("button", { name: "Ask for an extension" }).click();
  // The page now shows the ask waiting, and offers no second one while it does.
  await expect(alice.getByTestId("extensions")).toContainText(`Waiting for an approver: ${ends} → ${extended}, asked by alice@example.com`);
  await expect(ask).toHaveCount(0);
  await alice.reload();
  await expect(alice.getByTestId("extensions")).toContainText(`Waiting for an approver: ${ends} → ${extended}, asked by alice@example.com`);
  // The approval policies apply to it as to a new request: here the default one.
  await expect(alice.getByTestId("extension-policy")).toHaveText("Policy “Default: one approval” (version 1): 0 of 1 approval");
  // She asked, so she cannot decide it.
  await expect(alice.getByTestId("extension-decision-form")).toHaveCount(0);

  const bob = await pageAs("bob");
  await bob.goto(requestUrl);
  await expect(bob.locator("html")).toHaveAttribute("data-hydrated", "true");
  const decision = bob.getByTestId("extension-decision-form");
  await decision.getByLabel("Comment").fill("Fine until the quarter closes");
  await decision.getByRole("button", { name: "Approve extension" }).click();
  await expect(bob.getByTestId("extensions")).toContainText("Approved by bob@example.com");
  await expect(decision).toHaveCount(0);
  await bob.reload();
  await expect(bob.getByTestId("request-ends")).toHaveText(`${extended} (00:00 UTC)`);
  await expect(bob.getByTestId("extensions")).toContainText("Approved by bob@example.com: “Fine until the quarter closes”");
  await expect(bob.getByTestId("extension-policy")).toContainText("1 of 1 approval: nothing more needed; approved by bob@example.com");
  await expect(bob.getByTestId("timeline")).toContainText("bob@example.com");

  await alice.reload();
  await expect(alice.getByTestId("ends-at")).toContainText(`Removed on ${extended}`);
});
