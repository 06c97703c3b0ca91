import { describe, expect, it } from "vitest";

import { planConnection } from "../plan/plan-connection";
import type { PlanInput } from "../plan/facts";
import { APP_ACCOUNT, client, cluster, hub, MULTI_VPC_BOOTSTRAP, onPremInput, platform, saasInput, vpcInput } from "../plan/test-fixtures";
import { estimatePlanCost } from "./estimate-plan-cost";
import type { MethodEstimate } from "./cost-types";

const HOURS = 730;
const crossAccount = client({ accountId: APP_ACCOUNT, vpcId: "vpc-0bbb0001" });
const tgwPlatform = platform({ crossAccountVpcVia: "transit-gateway" });
const mvpcCluster = cluster({ bootstrap: { ...cluster().bootstrap, ...MULTI_VPC_BOOTSTRAP } });
// The cluster's VPC already on the hub, as it is once on-premises clients use it.
const attachedCluster = cluster({
  tgwAttachments: [
    {
      attachmentId: "tgw-attach-0aaa0001",
      transitGatewayId: "tgw-0ccc0001",
      state: "available",
      subnetIds: ["subnet-0aaa0011", "subnet-0aaa0012", "subnet-0aaa0013"],
      azIds: ["use1-az1", "use1-az2", "use1-az4"],
      securityGroupReferencingSupport: false,
      associatedRouteTableId: "tgw-rtb-0ccc0001",
      propagatedRouteTableIds: ["tgw-rtb-0ccc0003", "tgw-rtb-0ccc0002"],
    },
  ],
});

type Case = {
  name: string;
  input: PlanInput;
  gb: number | null;
  method: string;
  /** label: monthly USD (null: no figure) of the planned method's lines. */
  lines: Record<string, number | null>;
  total: number | null;
  compared: string[];
  check?: (planned: MethodEstimate, all: MethodEstimate[]) => void;
};

const CASES: Case[] = [
  {
    name: "same VPC: nothing added, no alternatives",
    input: vpcInput({ clientFacts: client({ vpcId: "vpc-0aaa0001", cidrs: ["10.10.0.0/16"] }) }),
    gb: 500,
    method: "security-group-only",
    lines: {},
    total: 0,
    compared: ["security-group-only"],
    check: (p) => expect(p.notes.join(" ")).toMatch(/Nothing is added/),
  },
  {
    name: "other VPC, same Region: peering is free per hour; cross-AZ both ways, same-AZ free; multi-VPC compared",
    input: vpcInput({}),
    gb: 1000,
    method: "vpc-peering",
    lines: { "Traffic within one Availability Zone": 0, "Cross-AZ transfer out (sender pays)": 10, "Cross-AZ transfer in (receiver pays)": 10 },
    total: 20,
    compared: ["vpc-peering", "multi-vpc-private-connectivity"],
    check: (p, all) => {
      expect(p.fixedMonthlyUsd).toBe(0);
      expect(p.perGbUsd).toBe(0.02);
      expect(p.lines.find((l) => l.label.startsWith("Traffic within"))).toMatchObject({ confirmed: true, unitPriceUsd: 0 });
      expect(p.unconfirmed).toBe(true);
      const mvpc = all[1];
      expect(mvpc).toMatchObject({ planned: false, incomplete: true, totalMonthlyUsd: null });
      expect(mvpc?.lines[0]).toMatchObject({ label: "VPC connections (1)", quantity: HOURS, unitPriceUsd: null });
    },
  },
  {
    name: "other VPC without expected traffic: per-GB lines stay per GB, no invented total",
    input: vpcInput({}),
    gb: null,
    method: "vpc-peering",
    lines: { "Traffic within one Availability Zone": null, "Cross-AZ transfer out (sender pays)": null, "Cross-AZ transfer in (receiver pays)": null },
    total: null,
    compared: ["vpc-peering", "multi-vpc-private-connectivity"],
    check: (p) => {
      expect(p.lines.every((l) => l.quantity === null)).toBe(true);
      expect(p.perGbUsd).toBe(0.02);
    },
  },
  {
    name: "other account through the TGW hub: two new attachments a month plus data processing; peering and multi-VPC compared",
    input: vpcInput({ clientFacts: crossAccount, platformSettings: tgwPlatform }),
    gb: 1000,
    method: "transit-gateway",
    lines: { "New TGW attachment for vpc-0aaa0001": 36.5, "New TGW attachment for vpc-0bbb0001": 36.5, "Data processed by the transit gateway": 20 },
    total: 93,
    compared: ["transit-gateway", "vpc-peering", "multi-vpc-private-connectivity"],
    check: (p, all) => {
      expect(p.fixedMonthlyUsd).toBe(73);
      expect(all[1]).toMatchObject({ method: "vpc-peering", totalMonthlyUsd: 20, fixedMonthlyUsd: 0 });
    },
  },
  {
    name: "other account through the hub the cluster's VPC is already on: only the client's attachment is new",
    input: vpcInput({ clientFacts: crossAccount, clusterFacts: attachedCluster, platformSettings: tgwPlatform }),
    gb: 0,
    method: "transit-gateway",
    lines: { "New TGW attachment for vpc-0bbb0001": 36.5, "Data processed by the transit gateway": 0 },
    total: 36.5,
    compared: ["transit-gateway", "vpc-peering", "multi-vpc-private-connectivity"],
    check: (p) => expect(p.notes).toContain("Reuses tgw-attach-0aaa0001: no new attachment charge."),
  },
  {
    name: "other account by peering (the platform's default): the hub is compared on the assumption both VPCs attach",
    input: vpcInput({ clientFacts: crossAccount }),
    gb: 100,
    method: "vpc-peering",
    lines: { "Traffic within one Availability Zone": 0, "Cross-AZ transfer out (sender pays)": 1, "Cross-AZ transfer in (receiver pays)": 1 },
    total: 2,
    compared: ["vpc-peering", "transit-gateway", "multi-vpc-private-connectivity"],
    check: (_p, all) => {
      expect(all[1]).toMatchObject({ method: "transit-gateway", fixedMonthlyUsd: 73, totalMonthlyUsd: 75 });
      expect(all[1]?.notes.join(" ")).toMatch(/Assumes neither VPC is attached/);
    },
  },
  {
    name: "other Region: inter-Region transfer at the dearer Region's rate; nothing else can reach it",
    input: vpcInput({ clientFacts: client({ region: "eu-west-1" }) }),
    gb: 1000,
    method: "vpc-peering",
    lines: { "Inter-Region transfer us-east-1 ↔ eu-west-1": 20 },
    total: 20,
    compared: ["vpc-peering"],
  },
  {
    name: "other Region whose rate the table has no figure for: no total, the line says so",
    input: vpcInput({ clientFacts: client({ region: "ap-southeast-1" }) }),
    gb: 1000,
    method: "vpc-peering",
    lines: { "Inter-Region transfer us-east-1 ↔ ap-southeast-1": null },
    total: null,
    compared: ["vpc-peering"],
    check: (p) => expect(p).toMatchObject({ incomplete: true, perGbUsd: null }),
  },
  {
    name: "on-premises: the cluster's VPC attachment and data processing; Direct Connect left out",
    input: onPremInput(),
    gb: 2000,
    method: "transit-gateway",
    lines: { "New TGW attachment for vpc-0aaa0001": 36.5, "Data processed by the transit gateway": 40 },
    total: 76.5,
    compared: ["transit-gateway"],
    check: (p) => expect(p.notes.join(" ")).toMatch(/Direct Connect/),
  },
  {
    name: "on-premises through an attachment that exists: nothing hourly is new",
    input: onPremInput({ clusterFacts: attachedCluster }),
    gb: 2000,
    method: "transit-gateway",
    lines: { "Data processed by the transit gateway": 40 },
    total: 40,
    compared: ["transit-gateway"],
  },
  {
    name: "SaaS: one VPC connection per scheme, created by the provider; MSK's rates are unconfirmed with no figure",
    input: saasInput({ clusterFacts: mvpcCluster, authModes: ["iam", "scram"] }),
    gb: 100,
    method: "multi-vpc-private-connectivity",
    lines: { "VPC connections (2)": null, "Data through the VPC connections": null },
    total: null,
    compared: ["multi-vpc-private-connectivity"],
    check: (p) => {
      expect(p.lines[0]?.quantity).toBe(2 * HOURS);
      expect(p).toMatchObject({ incomplete: true, unconfirmed: true, fixedMonthlyUsd: 0 });
      expect(p.notes.join(" ")).toMatch(/provider creates the VPC connections/);
    },
  },
  {
    name: "a VPC client that asked for multi-VPC connectivity: its connection steps are counted; peering compared",
    input: vpcInput({ clusterFacts: mvpcCluster, preferredMethod: "multi-vpc-private-connectivity", authModes: ["iam", "tls"] }),
    gb: 10,
    method: "multi-vpc-private-connectivity",
    lines: { "VPC connections (2)": null, "Data through the VPC connections": null },
    total: null,
    compared: ["multi-vpc-private-connectivity", "vpc-peering"],
  },
  {
    name: "plaintext clients are not offered multi-VPC connectivity",
    input: vpcInput({ authModes: ["plaintext"], clusterFacts: cluster({ enabledAuthModes: ["plaintext"], encryptionInTransit: "TLS_PLAINTEXT", unauthenticatedAccess: true }) }),
    gb: 10,
    method: "vpc-peering",
    lines: { "Traffic within one Availability Zone": 0, "Cross-AZ transfer out (sender pays)": 0.1, "Cross-AZ transfer in (receiver pays)": 0.1 },
    total: 0.2,
    compared: ["vpc-peering"],
  },
];

describe("estimatePlanCost", () => {
  it.each(CASES)("$name", ({ input, gb, method, lines, total, compared, check }) => {
    const plan = planConnection(input);
    const estimate = estimatePlanCost({ plan, authModes: input.request.authModes, expectedGbPerMonth: gb });
    expect(estimate.planned).toMatchObject({ method, planned: true, totalMonthlyUsd: total });
    expect(Object.fromEntries(estimate.planned.lines.map((l) => [l.label, l.monthlyUsd]))).toEqual(lines);
    expect(estimate.comparison.map((m) => m.method)).toEqual(compared);
    expect(estimate.comparison.filter((m) => m.planned)).toHaveLength(1);
    for (const line of estimate.comparison.flatMap((m) => m.lines)) {
      expect(line.source).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);
      expect(line.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    check?.(estimate.planned, estimate.comparison);
  });

  it("prices a Region without a row of its own from the fallback row, and says so", () => {
    const input = onPremInput({ clusterFacts: cluster({ region: "eu-north-1" }), platformSettings: platform({ transitHubs: [hub({ region: "eu-north-1" })] }) });
    const { planned } = estimatePlanCost({ plan: planConnection(input), authModes: ["iam"], expectedGbPerMonth: 100 });
    expect(planned.lines.map((l) => [l.region, l.fallback])).toEqual([
      ["eu-north-1", true],
      ["eu-north-1", true],
    ]);
  });
});
