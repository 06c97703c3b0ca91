import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TOPOLOGY, type SandboxTopology } from "@/lib/sandbox";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { discoverClientFacts } from "./discover-client-facts";

const APPS = "222222222222";
const VPC = "vpc-0bbb0000000000001";

// The payments VPC gains a Local Zone subnet and an IPv6-only one, as a team would have them.
const TOPOLOGY: SandboxTopology = {
  ...DEFAULT_TOPOLOGY,
  edgeZones: [
    { zoneName: "us-east-1-bos-1a", zoneId: "use1-bos1-az1", region: "us-east-1", parentZoneName: "us-east-1a", parentZoneId: "use1-az1" },
  ],
  accounts: DEFAULT_TOPOLOGY.accounts.map((a) => ({
    ...a,
    vpcs: (a.vpcs ?? []).map((v) =>
      v.id !== VPC
        ? v
        : {
            ...v,
            subnets: [
              ...(v.subnets ?? []),
              { id: "subnet-0bbb0000000000091", cidrBlock: "10.20.91.0/24", availabilityZone: "us-east-1-bos-1a", availabilityZoneId: "use1-bos1-az1" },
              { id: "subnet-0bbb0000000000092", ipv6Native: true, ipv6CidrBlock: "2600:1f18:9:9200::/64", availabilityZone: "us-east-1b", availabilityZoneId: "use1-az2" },
            ],
          },
    ),
  })),
};

let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess({ topology: TOPOLOGY });
});
afterAll(() => env.close());

describe("client subnet facts", () => {
  it("carry a Local Zone's parent zone and IPv6-only, as DescribeAvailabilityZones and DescribeSubnets say, through the application role", async () => {
    const facts = await discoverClientFacts(env.access, {
      accountId: APPS,
      region: "us-east-1",
      vpcId: VPC,
      securityGroupIds: ["sg-0bbb0000000000001"],
      subnetIds: ["subnet-0bbb0000000000001", "subnet-0bbb0000000000091", "subnet-0bbb0000000000092"],
    });
    expect(facts.subnets).toEqual([
      expect.not.objectContaining({ ipv6Only: true }),
      expect.objectContaining({ subnetId: "subnet-0bbb0000000000091", edgeZone: { type: "local-zone", parentAzId: "use1-az1" } }),
      expect.objectContaining({ subnetId: "subnet-0bbb0000000000092", ipv6Only: true, cidr: "" }),
    ]);
    expect(facts.subnets[0]).not.toHaveProperty("edgeZone");
  });
});
