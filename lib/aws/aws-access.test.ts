import { DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { describeAwsError } from "./aws-errors";
import { roleArnFor } from "./aws-access";
import { startSandboxAccess, type SandboxAccess } from "./testing/sandbox-access";

let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess();
});
afterAll(async () => {
  await env.close();
});
beforeEach(async () => {
  await env.control("DELETE", "/_sandbox/faults");
  await env.clearCalls();
});

describe("createAwsAccess", () => {
  it("assumes the role once for many concurrent uses of one account and acts as that account", async () => {
    const access = env.accessWith({});
    const results = await Promise.all(
      Array.from({ length: 8 }, () => access.ec2("222222222222", "us-east-1").send(new DescribeVpcsCommand({}))),
    );
    const vpcIds = results[0]?.Vpcs?.map((v) => v.VpcId) ?? [];
    expect(vpcIds).toContain("vpc-0bbb0000000000001");
    expect(results.every((r) => r.Vpcs?.every((v) => v.OwnerId === "222222222222"))).toBe(true);

    const calls = await env.calls();
    expect(calls.filter((c) => c.operation === "AssumeRole")).toHaveLength(1);
    expect(calls.filter((c) => c.operation === "DescribeVpcs" && c.account === "222222222222")).toHaveLength(8);
  });

  it("caches clients per service, account and region", () => {
    const access = env.accessWith({});
    expect(access.ec2("111111111111", "us-east-1")).toBe(access.ec2("111111111111", "us-east-1"));
    expect(access.ec2("111111111111", "us-west-2")).not.toBe(access.ec2("111111111111", "us-east-1"));
    expect(access.kafka("111111111111", "us-east-1")).not.toBe(access.kafka("222222222222", "us-east-1"));
  });

  it("uses its own credentials, without AssumeRole, for the portal's own account", async () => {
    const access = env.accessWith({});
    expect(await access.portalAccountId()).toBe("999999999999");
    await access.ec2("999999999999", "us-east-1").send(new DescribeVpcsCommand({}));
    const calls = await env.calls();
    expect(calls.filter((c) => c.operation === "AssumeRole")).toHaveLength(0);
    expect(calls.find((c) => c.operation === "DescribeVpcs")?.account).toBe("999999999999");
  });

  it("assumes again shortly before the credentials expire", async () => {
    let now = Date.now();
    const access = env.accessWith({ now: () => now });
    await access.credentialsFor("111111111111");
    now += 50 * 60 * 1000; // 10 minutes left of the hour: still good
    await access.credentialsFor("111111111111");
    now += 6 * 60 * 1000; // 4 minutes left: refresh
    await access.credentialsFor("111111111111");
    const calls = await env.calls();
    expect(calls.filter((c) => c.operation === "AssumeRole")).toHaveLength(2);
  });

  it("turns a wrong external id into a permission error that names the account and role", async () => {
    const access = env.accessWith({ externalId: () => "not-the-right-one" });
    const error = await access
      .ec2("222222222222", "us-east-1")
      .send(new DescribeVpcsCommand({}))
      .then(() => null, (e: unknown) => e);
    const info = describeAwsError(error);
    expect(info.kind).toBe("permission");
    expect(info.retryable).toBe(false);
    expect(info.code).toBe("AccessDenied");
    expect(info.message).toContain("arn:aws:iam::222222222222:role/MskConnectivityPortal");
    expect(info.message).toContain("external id");
  });

  it("retries throttled calls and then succeeds", async () => {
    const access = env.accessWith({});
    const ec2 = access.ec2("111111111111", "us-east-1");
    await access.credentialsFor("111111111111");
    await env.control("POST", "/_sandbox/faults", { rate: 1, kinds: ["throttle"], operations: ["DescribeVpcs"] });
    const call = ec2.send(new DescribeVpcsCommand({}));
    // Lift the fault once AWS has throttled the call twice; the SDK's retries then get through.
    for (let i = 0; i < 200; i++) {
      const throttled = (await env.calls()).filter((c) => c.operation === "DescribeVpcs" && c.fault === "throttle");
      if (throttled.length >= 2) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await env.control("DELETE", "/_sandbox/faults");
    const out = await call;
    expect(out.Vpcs?.length).toBeGreaterThan(0);
    const describes = (await env.calls()).filter((c) => c.operation === "DescribeVpcs");
    expect(describes.filter((c) => c.errorCode === "RequestLimitExceeded").length).toBeGreaterThanOrEqual(2);
    expect(describes.at(-1)?.status).toBe(200);
  });

  it("builds role ARNs from names, keeps full ARNs and knows the partition", () => {
    expect(roleArnFor("MskConnectivityPortal", "111111111111", "us-east-1")).toBe("arn:aws:iam::111111111111:role/MskConnectivityPortal");
    expect(roleArnFor("arn:aws:iam::111111111111:role/x/Custom", "111111111111", "us-east-1")).toBe("arn:aws:iam::111111111111:role/x/Custom");
    expect(roleArnFor("Portal", "111111111111", "cn-north-1")).toBe("arn:aws-cn:iam::111111111111:role/Portal");
  });
});
