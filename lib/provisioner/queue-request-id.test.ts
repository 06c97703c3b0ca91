import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { withRequestId } from "@/lib/log/request-context";

import { openProvisioningQueue, PROVISION_QUEUE, type ProvisionJob, type ProvisioningQueue } from "./queue";

let database: TestDatabase;
let queue: ProvisioningQueue;
beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  queue = await openProvisioningQueue(database.url);
});
afterAll(async () => {
  await queue?.stop();
  await database?.drop();
});

describe("a provisioning job", () => {
  it("carries the id of the HTTP request that enqueued it, so the worker's log lines can be found by it", async () => {
    await withRequestId("approve-request-0001", () => queue.enqueue("access-request-1"));
    const [job] = await queue.boss.fetch<ProvisionJob>(PROVISION_QUEUE);
    expect(job?.data).toEqual({ requestId: "access-request-1", enqueuedBy: "approve-request-0001" });
  });
});
