import { describe, expect, it } from "vitest";
import type { SubnetFacts } from "./facts";
import { planConnection } from "./plan-connection";
import { client, cluster, vpcInput } from "./test-fixtures";

const subnet = (subnetId: string, azId: string): SubnetFacts => ({ subnetId, azId, routeTableId: "rtb-0bbb0101", cidr: "10.20.9.0/24" });
const planWith = (subnets: SubnetFacts[]) =>
  planConnection(
    vpcInput({
      clientFacts: client({ subnets }),
      clusterFacts: cluster({ multiVpc: { iam: true, scram: false, tls: false } }),
      preferredMethod: "multi-vpc-private-connectivity",
    }),
  );
const connection = (plan: ReturnType<typeof planConnection>) => plan.steps.find((s) => s.kind === "create-vpc-connection");
const codes = (plan: ReturnType<typeof planConnection>, severity: string) =>
  plan.preflight.filter((f) => f.severity === severity).map((f) => f.code);

// The fixture cluster's brokers are in use1-az1, use1-az2 and use1-az4.
describe("multi-VPC client subnets", () => {
  it("passes one subnet per cluster zone, never every subnet of the client VPC", () => {
    const plan = planWith([
      subnet("subnet-a1", "use1-az1"),
      subnet("subnet-a1b", "use1-az1"),
      subnet("subnet-a2", "use1-az2"),
      subnet("subnet-a3", "use1-az3"),
      subnet("subnet-a4", "use1-az4"),
    ]);
    expect(connection(plan)?.input.ClientSubnets).toEqual(["subnet-a1", "subnet-a2", "subnet-a4"]);
    expect(codes(plan, "block")).toEqual([]);
    expect(codes(plan, "info")).toContain("multi-vpc-zone-mismatch");
  });

  it("warns when some of the cluster's zones have no client subnet", () => {
    const plan = planWith([subnet("subnet-a1", "use1-az1"), subnet("subnet-a2", "use1-az2")]);
    expect(connection(plan)?.input.ClientSubnets).toEqual(["subnet-a1", "subnet-a2"]);
    expect(codes(plan, "warn")).toContain("multi-vpc-zone-partial");
    expect(plan.approvable).toBe(true);
  });

  it("blocks a client VPC with subnets in only one of the cluster's zones, naming the zones to add", () => {
    const plan = planWith([subnet("subnet-a1", "use1-az1"), subnet("subnet-a1b", "use1-az1"), subnet("subnet-a3", "use1-az3")]);
    expect(codes(plan, "block")).toEqual(["multi-vpc-zone-coverage"]);
    expect(plan.preflight.find((f) => f.code === "multi-vpc-zone-coverage")?.remedy).toContain("use1-az2, use1-az4");
  });
});
