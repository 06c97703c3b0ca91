import { describe, expect, it } from "vitest";

import { clientConnection } from "./client-settings";
import { connectionDetails, readLiveConnection } from "./connection-details";
import { planConnection } from "./plan-connection";
import { MULTI_VPC_BOOTSTRAP, saasInput, vpcInput } from "./test-fixtures";

describe("connectionDetails", () => {
  it("tells a SaaS client what MSK answered at activation and what to hand the provider", () => {
    const plan = planConnection(saasInput());
    expect(plan.bootstrap).toBeNull();
    const live = readLiveConnection({ ...clientConnection(MULTI_VPC_BOOTSTRAP, ["iam"], plan.method), readAt: "2026-01-01T00:00:00.000Z" });
    const details = connectionDetails(plan, live);
    expect(details.bootstrap).toBe(MULTI_VPC_BOOTSTRAP.BootstrapBrokerStringVpcConnectivitySaslIam);
    expect(details.clientSettings.iam?.java["bootstrap.servers"]).toBe(details.bootstrap);
    expect(details.saasHandover?.message).toMatch(/^Give Acme Stream the cluster ARN arn:aws:kafka:/);
    expect(details.iamPolicyScope).toBe("every-topic");
  });

  it("falls back to the plan's strings when nothing readable was stored at activation", () => {
    const plan = planConnection(vpcInput({}));
    expect(readLiveConnection({ bootstrap: 3 })).toBeNull();
    expect(connectionDetails(plan, null)).toMatchObject({ bootstrap: plan.bootstrap, clientSettings: plan.clientSettings, saasHandover: null });
  });
});
