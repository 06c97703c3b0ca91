import { AuthorizeSecurityGroupIngressCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxTopology } from "@/lib/sandbox";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { discoverClientFacts } from "./discover-client-facts";
import { discoverClusterFacts } from "./discover-cluster-facts";
import { listClusters } from "./list-clusters";

const ACCOUNT = "111111111111";
const hex = (n: number) => n.toString(16).padStart(2, "0");
const subnetId = (n: number) => `subnet-0aaa00000000000${hex(n)}`;
const rtbId = (n: number) => `rtb-0aaa00000000000${hex(n)}`;
const clusterArn = (n: number) => `arn:aws:kafka:us-east-1:${ACCOUNT}:cluster/big-${n}/7d0c7a4e-1b2c-4d3e-9f40-0000000000${hex(n)}-1`;

// More of everything than one page of 5 holds: 12 subnets each with its own route table, 7 clusters.
const BIG: SandboxTopology = {
  accounts: [
    {
      id: ACCOUNT,
      name: "big",
      vpcs: [
        {
          id: "vpc-0aaa0000000000001",
          region: "us-east-1",
          cidrBlock: "10.0.0.0/16",
          routeTables: Array.from({ length: 12 }, (_, i) => ({ id: rtbId(i + 1), main: i === 0 })),
          subnets: Array.from({ length: 12 }, (_, i) => ({
            id: subnetId(i + 1),
            cidrBlock: `10.0.${i + 1}.0/24`,
            availabilityZone: `us-east-1${"abc"[i % 3]}`,
            availabilityZoneId: `use1-az${(i % 3) + 1}`,
            routeTableId: rtbId(i + 1),
          })),
          securityGroups: [{ id: "sg-0aaa0000000000001", name: "brokers" }],
        },
      ],
      clusters: Array.from({ length: 7 }, (_, i) => ({
        name: `big-${i + 1}`,
        arn: clusterArn(i + 1),
        brokerSubnetIds: [subnetId(1), subnetId(2), subnetId(3)],
        securityGroupIds: ["sg-0aaa0000000000001"],
        clientAuthentication: { iam: true },
      })),
    },
  ],
};

let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess({ topology: BIG, access: { pageSize: 5 } });
});
afterAll(async () => {
  await env.close();
});

describe("pagination", () => {
  it("lists every cluster across pages", async () => {
    await env.clearCalls();
    const listing = await listClusters(env.access, [{ accountId: ACCOUNT, regions: ["us-east-1"] }]);
    expect(listing.clusters.map((c) => c.name)).toEqual(["big-1", "big-2", "big-3", "big-4", "big-5", "big-6", "big-7"]);
    const pages = (await env.calls()).filter((c) => c.operation === "ListClustersV2");
    expect(pages).toHaveLength(2);
  });

  it("reads every subnet, route table and ingress rule across pages", async () => {
    await env.access.ec2(ACCOUNT, "us-east-1").send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: "sg-0aaa0000000000001",
        IpPermissions: Array.from({ length: 8 }, (_, i) => ({
          IpProtocol: "tcp",
          FromPort: 9098,
          ToPort: 9098,
          IpRanges: [{ CidrIp: `10.${100 + i}.0.0/16` }],
        })),
      }),
    );
    await env.clearCalls();
    const client = await discoverClientFacts(env.access, {
      accountId: ACCOUNT,
      region: "us-east-1",
      vpcId: "vpc-0aaa0000000000001",
      securityGroupIds: ["sg-0aaa0000000000001"],
    });
    expect(client.subnets).toHaveLength(12);
    expect(client.routeTables).toHaveLength(12);
    expect(client.subnets.find((s) => s.subnetId === subnetId(12))?.routeTableId).toBe(rtbId(12));

    const cluster = await discoverClusterFacts(env.access, clusterArn(1));
    expect(cluster.securityGroups[0]?.ingress).toHaveLength(8);
    expect(cluster.brokerSubnets.map((s) => s.routeTableId)).toEqual([rtbId(1), rtbId(2), rtbId(3)]);

    const calls = await env.calls();
    const count = (op: string) => calls.filter((c) => c.operation === op).length;
    expect(count("DescribeSubnets")).toBeGreaterThanOrEqual(2 * 3);
    expect(count("DescribeRouteTables")).toBe(2 * 3);
    // 8 ingress rules plus the default egress rule: two pages of 5.
    expect(count("DescribeSecurityGroupRules")).toBe(2);
  });
});
