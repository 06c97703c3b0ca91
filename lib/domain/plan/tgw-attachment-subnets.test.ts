import { describe, expect, it } from "vitest";
import type { SubnetFacts } from "./facts";
import { planConnection } from "./plan-connection";
import { chooseAttachmentSubnets } from "./tgw-attachment-subnets";
import { APP_ACCOUNT, client, cluster, platform, vpcInput } from "./test-fixtures";

const dual = (subnetId: string, azId: string): SubnetFacts => ({ subnetId, azId, routeTableId: "rtb-0bbb0101", cidr: "10.20.9.0/24" });
const ipv6Only = (subnetId: string, azId: string): SubnetFacts => ({ ...dual(subnetId, azId), cidr: "", ipv6Only: true });
const localZone = (subnetId: string, parentAzId: string): SubnetFacts => ({
  ...dual(subnetId, "use1-bos1-az1"),
  edgeZone: { type: "local-zone", parentAzId },
});

// Transit Gateway guide (tgw-vpc-attachments, Limits): no attachment in a Local Zone subnet or an IPv6-only
// subnet; Local Zone subnets reach the TGW through the parent Availability Zone.
describe("TGW attachment subnets", () => {
  it.each<[string, SubnetFacts[], string[], string[]]>([
    ["skips an IPv6-only subnet for another in its zone", [ipv6Only("subnet-a", "use1-az1"), dual("subnet-b", "use1-az1")], ["subnet-b"], []],
    ["a zone with only an IPv6-only subnet is uncovered", [ipv6Only("subnet-a", "use1-az1"), dual("subnet-c", "use1-az2")], ["subnet-c"], ["use1-az1"]],
    ["a Local Zone subnet needs its parent zone, never itself", [localZone("subnet-l", "use1-az2"), dual("subnet-c", "use1-az2")], ["subnet-c"], []],
    ["a Local Zone subnet alone leaves its parent zone uncovered", [localZone("subnet-l", "use1-az4")], [], ["use1-az4"]],
  ])("%s", (_name, subnets, chosen, uncovered) => {
    const choice = chooseAttachmentSubnets(subnets);
    expect(choice.subnetIds).toEqual(chosen);
    expect(choice.uncovered.map((u) => u.azId)).toEqual(uncovered);
  });

  const tgwPlan = (subnets: SubnetFacts[]) =>
    planConnection(vpcInput({ clientFacts: client({ accountId: APP_ACCOUNT, subnets }), platformSettings: platform({ crossAccountVpcVia: "transit-gateway" }) }));

  it("never puts an IPv6-only or Local Zone subnet in the client's attachment", () => {
    const plan = tgwPlan([ipv6Only("subnet-a1", "use1-az1"), dual("subnet-b1", "use1-az1"), localZone("subnet-l", "use1-az2"), dual("subnet-b2", "use1-az2")]);
    expect(plan.steps.find((s) => s.key === "attach-vpc-to-tgw:client")?.input.SubnetIds).toEqual(["subnet-b1", "subnet-b2"]);
    expect(plan.preflight.filter((f) => f.severity === "block")).toEqual([]);
  });

  it("blocks, naming the zone and the remedy, when a needed zone has only unfit subnets", () => {
    const plan = tgwPlan([dual("subnet-b1", "use1-az1"), ipv6Only("subnet-a2", "use1-az2")]);
    const finding = plan.preflight.find((f) => f.code === "tgw-attachment-subnet-unfit");
    expect(plan.approvable).toBe(false);
    expect(finding?.message).toContain("use1-az2 (subnet-a2 is IPv6-only)");
    expect(finding?.remedy).toMatch(/subnet with IPv4 addresses in use1-az2/);
  });
});

describe("multi-VPC connection subnets", () => {
  it("passes over an IPv6-only subnet for one with IPv4 addresses in the same zone", () => {
    const plan = planConnection(
      vpcInput({
        clientFacts: client({ subnets: [ipv6Only("subnet-a1", "use1-az1"), dual("subnet-b1", "use1-az1"), dual("subnet-b2", "use1-az2")] }),
        clusterFacts: cluster({ multiVpc: { iam: true, scram: false, tls: false } }),
        preferredMethod: "multi-vpc-private-connectivity",
      }),
    );
    expect(plan.steps.find((s) => s.kind === "create-vpc-connection")?.input.ClientSubnets).toEqual(["subnet-b1", "subnet-b2"]);
  });
});
