import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS, errorOf, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sandbox.close());

describe("STS", () => {
  it("answers GetCallerIdentity for the portal's own key with the portal account", async () => {
    const out = await h.sts().send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe("999999999999");
    expect(out.$metadata.requestId).toMatch(/[0-9a-f-]{36}/);
  });

  it("issues temporary credentials that act as the role's account", async () => {
    const out = await h.sts().send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${ACCOUNTS.apps}:role/MskConnectivityPortal`,
        RoleSessionName: "s1",
        ExternalId: "msk-portal-dev",
      }),
    );
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(out.Credentials?.Expiration).toBeInstanceOf(Date);
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNTS.apps}:assumed-role/MskConnectivityPortal/s1`);
    const creds = await h.assume(ACCOUNTS.apps);
    const who = await h.sts(creds).send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe(ACCOUNTS.apps);
    expect(who.Arn).toContain("assumed-role/MskConnectivityPortal");
  });

  it.each([
    ["a wrong external id", `arn:aws:iam::${ACCOUNTS.apps}:role/MskConnectivityPortal`, "nope"],
    ["a wrong role name", `arn:aws:iam::${ACCOUNTS.apps}:role/Other`, "msk-portal-dev"],
    ["an unknown account", "arn:aws:iam::123456789012:role/MskConnectivityPortal", "msk-portal-dev"],
  ])("refuses AssumeRole with %s as AccessDenied", async (_why, roleArn, externalId) => {
    const err = await errorOf(
      h.sts().send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "x", ExternalId: externalId })),
    );
    expect(err.name).toBe("AccessDenied");
    expect(err.status).toBe(403);
  });
});
