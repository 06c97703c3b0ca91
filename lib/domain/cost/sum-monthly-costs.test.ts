import { describe, expect, it } from "vitest";

import { planConnection } from "../plan/plan-connection";
import { APP_ACCOUNT, client, onPremInput, platform, saasInput, vpcInput } from "../plan/test-fixtures";
import { estimatePlanCost } from "./estimate-plan-cost";
import { sumMonthlyCosts } from "./sum-monthly-costs";

const planned = (input: ReturnType<typeof vpcInput>, gb: number | null) =>
  estimatePlanCost({ plan: planConnection(input), authModes: input.request.authModes, expectedGbPerMonth: gb }).planned;

describe("sumMonthlyCosts", () => {
  it("adds the known figures and counts what it had to leave out", () => {
    const tgw = planned(vpcInput({ clientFacts: client({ accountId: APP_ACCOUNT, vpcId: "vpc-0bbb0001" }), platformSettings: platform({ crossAccountVpcVia: "transit-gateway" }) }), 1000);
    const onPremNoTraffic = planned(onPremInput(), null);
    const saas = planned(saasInput(), 100);
    expect([tgw.totalMonthlyUsd, onPremNoTraffic.fixedMonthlyUsd]).toEqual([93, 36.5]);
    expect(sumMonthlyCosts([tgw, onPremNoTraffic, saas])).toEqual({
      connections: 3,
      knownMonthlyUsd: 129.5,
      withoutTraffic: 1,
      incomplete: 1,
      unconfirmed: true,
    });
    expect(sumMonthlyCosts([])).toEqual({ connections: 0, knownMonthlyUsd: 0, withoutTraffic: 0, incomplete: 0, unconfirmed: false });
  });
});
