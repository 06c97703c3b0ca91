import {
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS, errorOf, startHarness, type Credentials, type Harness } from "./harness";

let h: Harness;
let msk: Credentials;
let apps: Credentials;
beforeAll(async () => {
  h = await startHarness();
  msk = await h.assume(ACCOUNTS.msk);
  apps = await h.assume(ACCOUNTS.apps);
});
afterAll(() => h.sandbox.close());

describe("EC2 describe", () => {
  it("lists only the caller's VPCs in the caller's region", async () => {
    const east = await h.ec2(msk).send(new DescribeVpcsCommand({}));
    expect(east.Vpcs?.map((v) => v.VpcId)).toEqual(["vpc-0aaa0000000000001", "vpc-0aaa0000000000002"]);
    expect(east.Vpcs?.[0]?.CidrBlock).toBe("10.0.0.0/16");
    expect(east.Vpcs?.[0]?.Tags).toEqual([{ Key: "Name", Value: "msk-prod" }]);
    const west = await h.ec2(msk, "us-west-2").send(new DescribeVpcsCommand({}));
    expect(west.Vpcs?.map((v) => v.VpcId)).toEqual(["vpc-0aaa0000000000003"]);
    expect(east.$metadata.requestId).toBeTruthy();
  });

  it("answers InvalidVpcID.NotFound for another account's VPC", async () => {
    const err = await errorOf(h.ec2(apps).send(new DescribeVpcsCommand({ VpcIds: ["vpc-0aaa0000000000001"] })));
    expect(err.name).toBe("InvalidVpcID.NotFound");
    expect(err.status).toBe(400);
  });

  it("reports DNS attributes", async () => {
    const on = await h.ec2(msk).send(
      new DescribeVpcAttributeCommand({ VpcId: "vpc-0aaa0000000000001", Attribute: "enableDnsHostnames" }),
    );
    expect(on.EnableDnsHostnames?.Value).toBe(true);
    const off = await h.ec2(apps).send(
      new DescribeVpcAttributeCommand({ VpcId: "vpc-0bbb0000000000004", Attribute: "enableDnsHostnames" }),
    );
    expect(off.EnableDnsHostnames?.Value).toBe(false);
    const support = await h.ec2(apps).send(
      new DescribeVpcAttributeCommand({ VpcId: "vpc-0bbb0000000000004", Attribute: "enableDnsSupport" }),
    );
    expect(support.EnableDnsSupport?.Value).toBe(true);
  });

  it("describes subnets by id with zone and zone id, and filters by vpc-id and tag", async () => {
    const out = await h.ec2(msk).send(new DescribeSubnetsCommand({ SubnetIds: ["subnet-0aaa0000000000003"] }));
    expect(out.Subnets?.[0]).toMatchObject({
      VpcId: "vpc-0aaa0000000000001",
      AvailabilityZone: "us-east-1c",
      AvailabilityZoneId: "use1-az4",
    });
    const byVpc = await h.ec2(msk).send(
      new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: ["vpc-0aaa0000000000002"] }] }),
    );
    expect(byVpc.Subnets?.map((s) => s.SubnetId)).toEqual(["subnet-0aaa0000000000011", "subnet-0aaa0000000000012"]);
    const byTag = await h.ec2(msk).send(
      new DescribeSubnetsCommand({ Filters: [{ Name: "tag:Name", Values: ["msk-broker-*"] }] }),
    );
    expect(byTag.Subnets).toHaveLength(3);
    const missing = await errorOf(h.ec2(msk).send(new DescribeSubnetsCommand({ SubnetIds: ["subnet-0bbb0000000000001"] })));
    expect(missing.name).toBe("InvalidSubnetID.NotFound");
  });

  it("pages with MaxResults and NextToken", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const out = await h.ec2(msk).send(new DescribeSubnetsCommand({ MaxResults: 5, NextToken: token }));
      seen.push(...(out.Subnets ?? []).map((s) => s.SubnetId ?? ""));
      token = out.NextToken;
    } while (token);
    expect(seen).toHaveLength(6);
    const first = await h.ec2(msk).send(new DescribeSubnetsCommand({ MaxResults: 5 }));
    expect(first.Subnets).toHaveLength(5);
    expect(first.NextToken).toBeTruthy();
  });

  it("describes route tables with local routes and subnet associations", async () => {
    const out = await h.ec2(msk).send(
      new DescribeRouteTablesCommand({ Filters: [{ Name: "association.subnet-id", Values: ["subnet-0aaa0000000000004"] }] }),
    );
    const rt = out.RouteTables?.[0];
    expect(rt?.RouteTableId).toBe("rtb-0aaa0000000000001");
    expect(rt?.Routes).toEqual([
      { DestinationCidrBlock: "10.0.0.0/16", GatewayId: "local", State: "active", Origin: "CreateRouteTable" },
    ]);
    expect(rt?.Associations?.map((a) => [a.SubnetId, a.Main])).toEqual([
      [undefined, true],
      ["subnet-0aaa0000000000001", false],
      ["subnet-0aaa0000000000004", false],
    ]);
    const two = await h.ec2(apps).send(
      new DescribeRouteTablesCommand({ Filters: [{ Name: "vpc-id", Values: ["vpc-0bbb0000000000001"] }] }),
    );
    expect(two.RouteTables?.map((r) => r.RouteTableId)).toEqual(["rtb-0bbb0000000000001", "rtb-0bbb0000000000002"]);
    const missing = await errorOf(
      h.ec2(apps).send(new DescribeRouteTablesCommand({ RouteTableIds: ["rtb-0aaa0000000000001"] })),
    );
    expect(missing.name).toBe("InvalidRouteTableID.NotFound");
  });

  it("rejects an unknown filter name", async () => {
    const err = await errorOf(h.ec2(msk).send(new DescribeVpcsCommand({ Filters: [{ Name: "bogus", Values: ["x"] }] })));
    expect(err.name).toBe("InvalidParameterValue");
  });
});
