import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS, ORDERS_ARN } from "../steps/testing/fixtures";
import { connectOutsideThePortal } from "../testing/client-vpc-connection";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { listClientVpcConnections } from "./client-vpc-connections";

let env: SandboxAccess;
beforeAll(async () => {
  // Pages of one, so that three connections take three pages.
  env = await startSandboxAccess({ access: { pageSize: 1 } });
});
afterAll(() => env.close());

const ORDERS = { arn: ORDERS_ARN, accountId: ACCOUNTS.msk, region: "us-east-1" };

describe("listClientVpcConnections", () => {
  it("reads every page of the cluster's client connections as its owner, with account, scheme, state and time", async () => {
    const arns = await connectOutsideThePortal(env.access, ORDERS_ARN, [
      { account: ACCOUNTS.saas, authentication: "SASL_IAM" },
      { account: ACCOUNTS.saas, authentication: "SASL_SCRAM" },
      { account: ACCOUNTS.apps, authentication: "SASL_IAM" },
    ]);
    await env.clearCalls();
    const listed = await listClientVpcConnections(env.access, ORDERS);
    expect(listed.map((c) => [c.arn, c.ownerAccount, c.authentication, c.state])).toEqual([
      [arns[0], ACCOUNTS.saas, "SASL_IAM", "AVAILABLE"],
      [arns[1], ACCOUNTS.saas, "SASL_SCRAM", "AVAILABLE"],
      [arns[2], ACCOUNTS.apps, "SASL_IAM", "AVAILABLE"],
    ]);
    expect(listed.every((c) => c.createdAt !== null && !Number.isNaN(Date.parse(c.createdAt)))).toBe(true);
    const pages = (await env.calls()).filter((c) => c.operation === "ListClientVpcConnections");
    expect(pages.map((c) => [c.account, c.status])).toEqual([
      [ACCOUNTS.msk, 200],
      [ACCOUNTS.msk, 200],
      [ACCOUNTS.msk, 200],
    ]);
  });

  it("is empty for a cluster nobody connected to", async () => {
    const analytics = {
      ...ORDERS,
      arn: "arn:aws:kafka:us-east-1:111111111111:cluster/analytics-dev/7d0c7a4e-1b2c-4d3e-9f40-000000000002-2",
    };
    expect(await listClientVpcConnections(env.access, analytics)).toEqual([]);
  });
});
