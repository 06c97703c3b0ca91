import { describe, expect, it } from "vitest";

import { schemeUsers, watchConnections, type ClientVpcConnection, type ConnectionGrant } from "./client-vpc-connections";

const conn = (arn: string, ownerAccount: string, state = "AVAILABLE", authentication = "SASL_IAM"): ClientVpcConnection => ({
  arn,
  ownerAccount,
  authentication,
  state,
  createdAt: "2026-01-01T00:00:00.000Z",
});

const grants: ConnectionGrant[] = [
  { requestId: "r1", requestNumber: 1, accountId: "222222222222", made: [{ arn: "arn:made", vpcId: "vpc-0bbb0000000000001" }] },
  { requestId: "r2", requestNumber: 2, accountId: "444444444444", made: [] },
];

describe("watchConnections", () => {
  it.each([
    ["made by a request", conn("arn:made", "222222222222"), { requestNumber: 1 }, "vpc-0bbb0000000000001"],
    ["from a granted SaaS account", conn("arn:saas", "444444444444"), { requestNumber: 2 }, null],
    ["from an account no live request granted", conn("arn:stray", "555555555555"), null, null],
  ])("%s", (_name, connection, expected, vpcId) => {
    const [watched] = watchConnections([connection], grants);
    expect(watched?.expectedBy === null ? null : { requestNumber: watched?.expectedBy?.requestNumber }).toEqual(expected);
    expect(watched?.vpcId).toBe(vpcId);
  });

  it("offers rejection only for AVAILABLE connections", () => {
    const states = ["AVAILABLE", "CREATING", "REJECTED", "INACTIVE"];
    const watched = watchConnections(
      states.map((s, i) => conn(`arn:${i}`, "555555555555", s)),
      [],
    );
    expect(watched.map((w) => w.rejectable)).toEqual([true, false, false, false]);
  });
});

describe("schemeUsers", () => {
  it("lists, per scheme asked about, the accounts whose connections still carry traffic", () => {
    const users = schemeUsers(
      [
        conn("a", "444444444444"),
        conn("b", "222222222222", "CREATING"),
        conn("c", "444444444444"),
        conn("d", "555555555555", "DELETING"),
        conn("e", "666666666666", "REJECTED"),
        conn("f", "777777777777", "AVAILABLE", "SASL_SCRAM"),
        conn("g", "888888888888", "AVAILABLE", "TLS"),
      ],
      ["iam", "scram"],
    );
    expect(Object.fromEntries(users)).toEqual({ iam: ["222222222222", "444444444444"], scram: ["777777777777"] });
  });
});
