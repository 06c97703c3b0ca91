import { expect, fileRequestViaApi, test, unique } from "./fixtures";

const unreadCount = async (page: import("@playwright/test").Page) => {
  const badge = page.getByTestId("unread-count");
  return (await badge.count()) === 0 ? 0 : Number(await badge.textContent());
};

test("an approver hears that a request waits for them, opens it, and the unread count drops", async ({ pageAs, tokenFor, request, sql }) => {
  const bob = await pageAs("bob");
  // Start from nothing unread. Specs running beside this one may notify Bob at any moment, so what is checked
  // is that everything that was there when he clicked is read now, not that the badge stays at zero.
  await bob.goto("/notifications");
  const clickedAt = new Date();
  await bob.getByRole("button", { name: "Mark all read" }).click();
  await expect(bob.getByTestId("form-message")).toContainText("marked read");
  const unreadFromBefore = async () =>
    (
      await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.email = 'bob@example.com' AND n."readAt" IS NULL AND n."createdAt" <= $1`,
        [clickedAt],
      )
    ).rows[0]?.n;
  await expect.poll(unreadFromBefore).toBe(0);

  const filed = await fileRequestViaApi(request, await tokenFor("alice"), unique("Notifications: settlement job needs the orders topic"));

  await bob.goto("/notifications");
  await expect(bob.getByTestId("unread-count")).toBeVisible();
  const before = await unreadCount(bob);
  expect(before).toBeGreaterThanOrEqual(1);
  await expect(bob.getByRole("link", { name: `Notifications, ${before} unread` })).toBeVisible();
  const item = bob.getByTestId("notification").filter({ hasText: `Request #${filed.number} ` });
  await expect(item).toHaveAttribute("data-read", "false");
  await item.getByRole("button", { name: /is waiting for your approval/ }).click();

  // Opening leads to the request, and the notification counts as read from then on.
  await bob.waitForURL(new RegExp(`/requests/${filed.id}$`));
  await expect(bob.getByRole("heading", { name: new RegExp(`#${filed.number}\\b`) }).first()).toBeVisible();
  // Other specs may notify Bob meanwhile, so the count is compared with what is stored, not with "before".
  const unreadForRequest = async () =>
    (
      await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Notification" n JOIN "User" u ON u.id = n."userId" WHERE u.email = 'bob@example.com' AND n."requestId" = $1 AND n."readAt" IS NULL`,
        [filed.id],
      )
    ).rows[0]?.n;
  await expect.poll(unreadForRequest).toBe(0);
  await bob.goto("/notifications");
  await expect(bob.getByTestId("notification").filter({ hasText: `Request #${filed.number} ` })).toHaveAttribute("data-read", "true");

  // The requester is not told about her own filing.
  const alice = await pageAs("alice");
  await alice.goto("/notifications");
  await expect(alice.getByTestId("notification").filter({ hasText: `Request #${filed.number} ` })).toHaveCount(0);
});

test("a person turns off in-app notices of one event on the preferences page", async ({ pageAs }) => {
  const erin = await pageAs("erin");
  await erin.goto("/notifications/preferences");
  const box = erin.getByLabel("Filed in the portal");
  await expect(box).toBeChecked();
  await box.uncheck();
  await erin.getByRole("button", { name: "Save choices" }).click();
  await expect(erin.getByTestId("form-message")).toHaveText("Your notification choices are saved.");
  await erin.reload();
  await expect(erin.getByLabel("Filed in the portal")).not.toBeChecked();
  await erin.getByLabel("Filed in the portal").check();
  await erin.getByRole("button", { name: "Save choices" }).click();
  await expect(erin.getByTestId("form-message")).toHaveText("Your notification choices are saved.");
});
