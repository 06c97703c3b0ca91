import { afterAll, beforeAll, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/prisma-factory";
import { startSeededTestDatabase } from "@/lib/db/testing/seeded-test-database";
import { NOTIFICATION_QUEUE, openProvisioningQueue, type ProvisioningQueue } from "@/lib/provisioner/queue";

import { startNotificationDelivery } from "./notification-worker";
import { notify } from "@/lib/db/notifications/notify";
import { startHttpReceiver } from "./testing/http-receiver";

let database: Awaited<ReturnType<typeof startSeededTestDatabase>>;
let prisma: PrismaClient;
let queue: ProvisioningQueue;
let delivery: { stop(): void };
let receiver: Awaited<ReturnType<typeof startHttpReceiver>>;

beforeAll(async () => {
  receiver = await startHttpReceiver([503, 200]);
  database = await startSeededTestDatabase();
  prisma = database.prisma;
  queue = await openProvisioningQueue(process.env.DATABASE_URL ?? "", { supervise: true });
  delivery = await startNotificationDelivery(queue.boss, NOTIFICATION_QUEUE, { pollEveryMs: 100 });
});
afterAll(async () => {
  delivery?.stop();
  await queue?.stop();
  await receiver?.close();
  await database?.drop();
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

it("sends what a committed change wrote to the outbox through the queue job, and records a failure for the retry", async () => {
  const hook = await prisma.webhook.create({ data: { name: "ops", url: receiver.url, format: "generic", events: ["request.decommissioned"], secret: "q".repeat(20) } });
  const alice = await prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } });
  const cluster = await prisma.cluster.findFirstOrThrow();
  const team = await prisma.team.findUniqueOrThrow({ where: { slug: "payments" } });
  const request = await prisma.accessRequest.create({
    data: { clusterId: cluster.id, teamId: team.id, requesterId: alice.id, client: {}, authModes: ["iam"], environment: "dev", justification: "queue test", scenario: "cross_account" },
  });
  await db().$transaction((tx) => notify(tx, { type: "request.decommissioned", requestId: request.id }));

  // The receiver answers 503 first: the job records it and leaves the row for the backoff.
  const failed = await until(
    () => prisma.notificationDelivery.findFirstOrThrow({ where: { webhookId: hook.id } }),
    (row) => row.attempts > 0,
  );
  expect(failed).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 503: receiver is down" });
  expect(receiver.calls).toHaveLength(1);

  // Once the backoff has passed (moved here rather than waited for), the next job delivers it.
  await prisma.notificationDelivery.update({ where: { id: failed.id }, data: { nextAttemptAt: new Date() } });
  const delivered = await until(
    () => prisma.notificationDelivery.findUniqueOrThrow({ where: { id: failed.id } }),
    (row) => row.status === "delivered",
  );
  expect(delivered).toMatchObject({ status: "delivered", attempts: 2, lastError: null });
  expect(JSON.parse(receiver.calls[1]?.body ?? "{}")).toMatchObject({ version: 1, type: "request.decommissioned", request: { id: request.id } });
});
