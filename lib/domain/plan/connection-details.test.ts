import { describe, expect, it } from "vitest";

import { clientConnection } from "./client-settings";
import { connectionDetails, readLiveConnection } from "./connection-details";
import { planConnection } from "./plan-connection";
import { MULTI_VPC_BOOTSTRAP, saasInput, vpcInput } from "./test-fixtures";

describe("connectionDetails", () => {
  it("tells a SaaS client what MSK answered at activation and what to hand the provider", () => {
    const plan = planConnection(saasInput());
    expect(plan.bootstrap).toBeNull();
    const connection = { ...clientConnection(MULTI_VPC_BOOTSTRAP, ["iam"], plan.method), readAt: "2026-01-01T00:00:00.000Z" };
    const live = readLiveConnection({ id: "req-1", connection });
    const details = connectionDetails(plan, live);
    expect(details.bootstrap).toBe(MULTI_VPC_BOOTSTRAP.BootstrapBrokerStringVpcConnectivitySaslIam);
    expect(details.clientSettings.iam?.java["bootstrap.servers"]).toBe(details.bootstrap);
    expect(details.saasHandover?.message).toMatch(/^Give Acme Stream the cluster ARN arn:aws:kafka:/);
    expect(details.iamPolicyScope).toBe("every-topic");
  });

  it("refuses a stored connection that does not read, naming the row and the path", () => {
    expect(() => readLiveConnection({ id: "req-1", connection: { bootstrap: 3 } })).toThrow(
      /^AccessRequest\.connection of row req-1 cannot be read: bootstrap: /,
    );
  });

  it("falls back to the plan's strings before activation stored any", () => {
    const plan = planConnection(vpcInput({}));
    expect(readLiveConnection({ id: "req-1", connection: null })).toBeNull();
    expect(connectionDetails(plan, null)).toMatchObject({ bootstrap: plan.bootstrap, clientSettings: plan.clientSettings, saasHandover: null });
  });
});
