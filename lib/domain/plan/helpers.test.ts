import { describe, expect, it } from "vitest";
import { mergePolicy, policyContains } from "./cluster-policy";
import { parseRef, ref } from "./draft";
import { kafkaVersionAtLeast } from "./multi-vpc-plan";
import { onePerZone } from "./tgw-hub";
import type { PolicyStatement } from "./facts";

describe("kafkaVersionAtLeast 2.7.1 (multi-VPC requirement)", () => {
  it.each<[string, boolean]>([
    ["2.7.1", true],
    ["2.7.0", false],
    ["2.6.2", false],
    ["2.8.0", true],
    ["3.6.0", true],
    ["3.7.x.kraft", true],
    ["1.1.1", false],
  ])("%s -> %s", (v, expected) => expect(kafkaVersionAtLeast(v, [2, 7, 1])).toBe(expected));
});

describe("step references", () => {
  it.each([
    ["create-peering", "VpcPeeringConnectionId"],
    ["create-route:rtb-1:10.0.0.0/16", "Out"],
    ["share-tgw:111111111111", "resourceShareArn"],
  ])("%s.%s round-trips although keys may hold dots", (key, output) => {
    expect(parseRef(ref(key, output))).toEqual({ stepKey: key, output });
  });
});

describe("onePerZone (TGW: one subnet per Availability Zone)", () => {
  it("keeps the first subnet of each zone, in zone order", () => {
    expect(
      onePerZone([
        { subnetId: "subnet-0000000b", azId: "use1-az2", routeTableId: "r", cidr: "10.0.2.0/24" },
        { subnetId: "subnet-0000000c", azId: "use1-az1", routeTableId: "r", cidr: "10.0.3.0/24" },
        { subnetId: "subnet-0000000a", azId: "use1-az2", routeTableId: "r", cidr: "10.0.1.0/24" },
      ]),
    ).toEqual(["subnet-0000000c", "subnet-0000000a"]);
  });
});

describe("cluster policy merge", () => {
  const ours: PolicyStatement[] = [{ Sid: "Ours", Effect: "Allow", Principal: { AWS: "arn:aws:iam::3:root" }, Action: ["kafka:DescribeCluster"], Resource: "c" }];
  it.each<[string, PolicyStatement[], string[]]>([
    ["keeps other statements", [{ Sid: "Other", Effect: "Allow", Action: "kafka:X", Resource: "c" }], ["Other", "Ours"]],
    ["replaces our own earlier statement", [{ Sid: "Ours", Effect: "Allow", Action: "kafka:Old", Resource: "c" }], ["Ours"]],
    ["keeps statements without a Sid", [{ Effect: "Deny", Action: "kafka:Y", Resource: "c" }], ["", "Ours"]],
  ])("%s", (_name, existing, sids) => {
    const merged = mergePolicy({ Version: "2012-10-17", Statement: existing }, ours);
    expect(merged.Statement.map((s) => s.Sid ?? "")).toEqual(sids);
  });

  it("recognises a statement already present whatever the key order", () => {
    const reordered = [{ Resource: "c", Action: ["kafka:DescribeCluster"], Principal: { AWS: "arn:aws:iam::3:root" }, Effect: "Allow", Sid: "Ours" }] as PolicyStatement[];
    expect(policyContains({ Version: "2012-10-17", Statement: reordered }, ours)).toBe(true);
    expect(policyContains(null, ours)).toBe(false);
  });
});
