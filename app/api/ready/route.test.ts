import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { PORTAL_KEYS, startSandboxAccess, type SandboxAccess } from "@/lib/aws/testing/sandbox-access";
import { startSeededTestDatabase } from "@/lib/db/testing/seeded-test-database";
import { AWS_CHECK_TTL_MS } from "@/lib/ops/readiness/portal-readiness-checks";
import { openProvisioningQueue, type ProvisioningQueue } from "@/lib/provisioner/queue";

import { GET } from "./route";

// The portal's own identity comes from the default credential chain: here the environment's keys, and no
// other source (no shared files, no instance metadata) so that removing them leaves the portal without any.
const KEYS = { AWS_ACCESS_KEY_ID: PORTAL_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: PORTAL_KEYS.secretAccessKey };
const NO_OTHER_SOURCES = { AWS_EC2_METADATA_DISABLED: "true", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent", AWS_CONFIG_FILE: "/nonexistent", AWS_PROFILE: "" };

let aws: SandboxAccess;
let database: Awaited<ReturnType<typeof startSeededTestDatabase>>;
let queue: ProvisioningQueue | undefined;
let sandboxRunning = true;
beforeAll(async () => {
  aws = await startSandboxAccess();
  Object.assign(process.env, { AWS_ENDPOINT_URL: aws.sandbox.url, AWS_REGION: "us-east-1", ...NO_OTHER_SOURCES });
  database = await startSeededTestDatabase();
});
afterAll(async () => {
  vi.useRealTimers();
  await queue?.stop();
  await database?.drop();
  if (sandboxRunning) await aws?.close();
});

type Ready = { status: string; failing?: string[]; parts: Record<string, "ok" | { status: string; error: string }> };
const probe = async () => {
  const response = await GET();
  return { status: response.status, body: (await response.json()) as Ready };
};
const laterThanTheAwsCache = () => vi.setSystemTime(Date.now() + AWS_CHECK_TTL_MS + 1_000);

describe("GET /api/ready", () => {
  it("is not ready without AWS credentials, nor before any worker has created the job queue", async () => {
    const { status, body } = await probe();
    expect(status).toBe(503);
    expect(body.failing).toEqual(["queue", "aws"]);
    expect(body.parts.database).toBe("ok");
    expect(body.parts.migrations).toBe("ok");
    expect(body.parts.aws).toMatchObject({ status: "failing", error: expect.stringMatching(/GetCallerIdentity failed: .*credentials/i) as string });
  });

  it("is ready once the queue exists and the portal's credentials are accepted", async () => {
    queue = await openProvisioningQueue(process.env.DATABASE_URL ?? "");
    Object.assign(process.env, KEYS);
    laterThanTheAwsCache();
    const { status, body } = await probe();
    expect({ status, body }).toEqual({ status: 200, body: { status: "ready", parts: { database: "ok", migrations: "ok", queue: "ok", aws: "ok" } } });
  });

  it("asks STS at most once per cache window, and names aws once AWS stops answering", async () => {
    await aws.clearCalls();
    await probe();
    await probe();
    expect((await aws.calls()).filter((call) => call.operation === "GetCallerIdentity")).toHaveLength(0);

    await aws.close();
    sandboxRunning = false;
    expect((await probe()).status).toBe(200);
    laterThanTheAwsCache();
    const { status, body } = await probe();
    expect(status).toBe(503);
    expect(body.failing).toEqual(["aws"]);
    expect(body.parts.aws).toMatchObject({ status: "failing", error: expect.stringContaining("GetCallerIdentity failed") as string });
  });
});
