import { describe, expect, it } from "vitest";

import { analysisPlan } from "./analysis-eligibility";
import { explanationWords, WORDED_CODES } from "./explanation-words";
import { analysisSummary, overallOutcome, readPathAnalysis, type AnalysedPort, type PathAnalysisResult } from "./path-analysis-result";

const cluster = { accountId: "111111111111", region: "us-east-1" };
const vpcClient = (accountId: string, region = "us-east-1") =>
  ({ type: "aws-vpc" as const, accountId, region, vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] });
const base = { scenario: "cross-vpc", method: "vpc-peering", cluster, transitAccountId: "333333333333", setting: "all" } as const;

describe("which requests Reachability Analyzer can prove", () => {
  it("runs in the cluster's account, naming the client's and the hub's accounts as ones the path crosses", () => {
    expect(analysisPlan({ ...base, scenario: "cross-account", method: "transit-gateway", client: vpcClient("222222222222") })).toMatchObject({
      possible: true,
      caller: cluster,
      crossAccount: true,
      additionalAccounts: ["222222222222", "333333333333"],
    });
    expect(analysisPlan({ ...base, client: vpcClient("111111111111") })).toMatchObject({ possible: true, crossAccount: false, additionalAccounts: [] });
  });

  it("says why not for another Region, on-premises, SaaS, multi-VPC connectivity and the settings", () => {
    const reason = (p: ReturnType<typeof analysisPlan>) => (p.possible ? "possible" : p.reason);
    expect(reason(analysisPlan({ ...base, client: vpcClient("111111111111", "us-west-2") }))).toMatch(/within one Region/);
    expect(reason(analysisPlan({ ...base, scenario: "on-prem", client: { type: "on-prem", cidrs: ["192.168.0.0/16"] } }))).toMatch(/on-premises/);
    expect(reason(analysisPlan({ ...base, scenario: "saas", client: { type: "saas", accountId: "444444444444", providerName: "StreamCo" } }))).toMatch(/SaaS/);
    expect(reason(analysisPlan({ ...base, method: "multi-vpc-private-connectivity", client: vpcClient("222222222222") }))).toMatch(/multi-VPC/);
    expect(reason(analysisPlan({ ...base, setting: "same-account", client: vpcClient("222222222222") }))).toMatch(/trusted access/);
    expect(reason(analysisPlan({ ...base, setting: "off", client: vpcClient("111111111111") }))).toMatch(/turned off/);
  });
});

describe("what the request page says about an analysis", () => {
  const port = (found: boolean | null, codes: string[] = []): AnalysedPort => ({
    port: 9098,
    analysisId: "nia-1",
    found,
    forward: [],
    back: [],
    explanations: codes.map((code) => ({ code, resources: [{ role: "routeTable", id: "rtb-1" }] })),
    statusMessage: found === null ? "The request failed due to inaccessible resource arn:x" : undefined,
  });

  it("is reachable only when every port's path is found", () => {
    expect(overallOutcome([port(true)])).toBe("reachable");
    expect(overallOutcome([port(true), port(false)])).toBe("unreachable");
    expect(overallOutcome([port(true), port(null)])).toBe("failed");
    expect(overallOutcome([])).toBe("failed");
  });

  it("words each explanation code with the resource to change, and shows an unknown one as AWS wrote it", () => {
    expect(explanationWords({ code: "NO_ROUTE_TO_DESTINATION", resources: [{ role: "routeTable", id: "rtb-1" }, { role: "destination", id: "eni-9" }] })).toEqual({
      says: "Route table rtb-1 has no route to eni-9.",
      fix: expect.stringContaining("rtb-1"),
    });
    expect(explanationWords({ code: "ENI_SG_RULES_MISMATCH", direction: "egress", resources: [{ role: "securityGroups", id: "sg-1" }] }).says).toMatch(/outbound rule of security group sg-1/);
    expect(explanationWords({ code: "SOMETHING_NEW", resources: [] }).says).toBe("AWS explains: SOMETHING_NEW.");
    for (const code of WORDED_CODES) expect(explanationWords({ code, resources: [] }).says).not.toMatch(/undefined/);
  });

  it("summarises every port for the timeline and a failure reason", () => {
    const result: PathAnalysisResult = { outcome: "unreachable", analysedAt: "2026-12-03T00:00:00Z", analysedFrom: cluster, ports: [port(false, ["NO_ROUTE_TO_DESTINATION"])] };
    expect(analysisSummary(result)).toBe("Reachability Analyzer: port 9098: no path (NO_ROUTE_TO_DESTINATION)");
    expect(analysisSummary({ outcome: "not-analysed", reason: "Another Region.", analysedAt: "" })).toBe("Not analysed: Another Region.");
    expect(readPathAnalysis({ outcome: "reachable" })).toBeNull();
    expect(readPathAnalysis(result)).toEqual(result);
  });
});
