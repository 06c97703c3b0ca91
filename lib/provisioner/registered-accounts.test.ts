import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { ClientLocation } from "@/lib/domain/request-input";
import { ExpectedError } from "@/lib/errors/expected-error";

import { replanRequest } from "./plan-requests";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";

const PAYMENTS = "222222222222";
const CLIENT: ClientLocation = {
  type: "aws-vpc",
  accountId: PAYMENTS,
  region: "us-east-1",
  vpcId: "vpc-0bbb0000000000001",
  securityGroupIds: ["sg-0bbb0000000000001"],
};

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h.close());

const fieldErrorsOf = async (filing: Promise<unknown>) => {
  const error = await filing.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExpectedError);
  return (error as ExpectedError).fieldErrors;
};

describe("registered accounts are the only ones the portal acts in", () => {
  it("refuses at the account field, storing nothing, a client account whose role the portal cannot assume", async () => {
    const roleArn = `arn:aws:iam::${PAYMENTS}:role/MskConnectivityPortal`;
    await h.prisma.awsAccount.update({ where: { id: PAYMENTS }, data: { roleArn: `arn:aws:iam::${PAYMENTS}:role/NotThePortal` } });
    const before = await h.prisma.accessRequest.count();
    try {
      expect(await fieldErrorsOf(h.file("alice", CLIENT))).toEqual({
        "client.accountId": [
          `The portal cannot act in account ${PAYMENTS}: its role there could not be assumed; ask a platform admin to check the account (Admin, Test access)`,
        ],
      });
      expect(await h.prisma.accessRequest.count()).toBe(before);
    } finally {
      await h.prisma.awsAccount.update({ where: { id: PAYMENTS }, data: { roleArn } });
    }
  });

  it("says AWS did not answer, storing nothing, when STS keeps failing rather than refusing: the account is not blamed", async () => {
    const saved = await h.prisma.awsAccount.findUniqueOrThrow({ where: { id: PAYMENTS } });
    // A changed role setting makes the portal assume the role afresh, under the fault.
    await h.prisma.awsAccount.update({ where: { id: PAYMENTS }, data: { externalId: "rotated-external-id" } });
    await h.env.control("POST", "/_sandbox/faults", { rate: 1, kinds: ["5xx"], operations: ["AssumeRole"] });
    const before = await h.prisma.accessRequest.count();
    try {
      const error = await h.file("alice", CLIENT).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "unavailable", status: 503, fieldErrors: undefined, message: expect.stringMatching(/AWS STS did not answer for account 222222222222 .*try again/) });
      expect(await h.prisma.accessRequest.count()).toBe(before);
    } finally {
      await h.env.control("DELETE", "/_sandbox/faults");
      await h.prisma.awsAccount.update({ where: { id: PAYMENTS }, data: { externalId: saved.externalId } });
    }
  });

  it("never assumes a role in an account an admin removed: the re-plan says so and nothing reaches that account", async () => {
    const request = await h.file("alice", CLIENT);
    const saved = await h.prisma.awsAccount.findUniqueOrThrow({ where: { id: PAYMENTS }, include: { teams: true } });
    await h.prisma.awsAccount.delete({ where: { id: PAYMENTS } });
    try {
      await h.env.clearCalls();
      const replanned = await replanRequest(h.person("alice"), request.id);
      expect(replanned).toMatchObject({ error: { message: expect.stringContaining(`Account ${PAYMENTS} is not registered with the portal`) as unknown } });
      expect((await h.env.calls()).filter((c) => c.account === PAYMENTS)).toEqual([]);
    } finally {
      const { teams, ...account } = saved;
      await h.prisma.awsAccount.create({ data: { ...account, teams: { create: teams.map((t) => ({ teamId: t.teamId })) } } });
    }
  });
});
