import {
  CreateTransitGatewayVpcAttachmentCommand,
  DescribeAvailabilityZonesCommand,
  DescribeSubnetsCommand,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxTopology } from "../index";
import { ACCOUNTS, errorOf, startHarness, UNRESTRICTED_TOPOLOGY, type Harness } from "./harness";

const TGW = "tgw-0ccc0000000000001";
const VPC = "vpc-0ccc0000000000009";
const SUBNETS = {
  az1: "subnet-0ccc0000000000091",
  localZone: "subnet-0ccc0000000000092",
  ipv6Only: "subnet-0ccc0000000000093",
};

// A VPC in the transit account itself, so the TGW is visible without a share.
const TOPOLOGY: SandboxTopology = {
  ...UNRESTRICTED_TOPOLOGY,
  edgeZones: [
    { zoneName: "us-east-1-bos-1a", zoneId: "use1-bos1-az1", region: "us-east-1", parentZoneName: "us-east-1a", parentZoneId: "use1-az1" },
  ],
  accounts: UNRESTRICTED_TOPOLOGY.accounts.map((a) =>
    a.id !== ACCOUNTS.transit
      ? a
      : {
          ...a,
          vpcs: [
            ...(a.vpcs ?? []),
            {
              id: VPC,
              region: "us-east-1",
              cidrBlock: "10.90.0.0/16",
              subnets: [
                { id: SUBNETS.az1, cidrBlock: "10.90.1.0/24", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1" },
                { id: SUBNETS.localZone, cidrBlock: "10.90.2.0/24", availabilityZone: "us-east-1-bos-1a", availabilityZoneId: "use1-bos1-az1" },
                { id: SUBNETS.ipv6Only, ipv6Native: true, ipv6CidrBlock: "2600:1f18:9:9300::/64", availabilityZone: "us-east-1b", availabilityZoneId: "use1-az2" },
              ],
            },
          ],
        },
  ),
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ topology: TOPOLOGY });
});
afterAll(() => h.sandbox.close());

describe("DescribeAvailabilityZones (EC2 API reference)", () => {
  it("gives a Local Zone its ZoneType and parent zone, opted in where the account has a subnet", async () => {
    const ec2 = h.ec2(await h.assume(ACCOUNTS.transit));
    const out = await ec2.send(new DescribeAvailabilityZonesCommand({ ZoneIds: ["use1-bos1-az1", "use1-az1"], AllAvailabilityZones: true }));
    expect(out.AvailabilityZones?.map((z) => [z.ZoneId, z.ZoneType, z.ParentZoneId, z.OptInStatus])).toEqual([
      ["use1-bos1-az1", "local-zone", "use1-az1", "opted-in"],
      ["use1-az1", "availability-zone", undefined, "opt-in-not-required"],
    ]);
  });

  it("leaves out zones the account has not opted in to unless AllAvailabilityZones is set", async () => {
    const ec2 = h.ec2(await h.assume(ACCOUNTS.apps));
    const plain = await ec2.send(new DescribeAvailabilityZonesCommand({}));
    expect(plain.AvailabilityZones?.map((z) => z.ZoneId)).not.toContain("use1-bos1-az1");
    const every = await ec2.send(new DescribeAvailabilityZonesCommand({ AllAvailabilityZones: true, Filters: [{ Name: "zone-type", Values: ["local-zone"] }] }));
    expect(every.AvailabilityZones?.map((z) => [z.ZoneId, z.OptInStatus])).toEqual([["use1-bos1-az1", "not-opted-in"]]);
  });

  it("refuses a zone that does not exist", async () => {
    const ec2 = h.ec2(await h.assume(ACCOUNTS.apps));
    expect((await errorOf(ec2.send(new DescribeAvailabilityZonesCommand({ ZoneIds: ["use1-az9"] })))).name).toBe("InvalidParameterValue");
  });
});

describe("IPv6-only subnets (DescribeSubnets Ipv6Native)", () => {
  it("reports Ipv6Native and the IPv6 CIDR, with no IPv4 CIDR", async () => {
    const ec2 = h.ec2(await h.assume(ACCOUNTS.transit));
    const out = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [SUBNETS.ipv6Only, SUBNETS.az1] }));
    expect(out.Subnets?.map((s) => [s.SubnetId, s.Ipv6Native, s.CidrBlock, s.Ipv6CidrBlockAssociationSet?.[0]?.Ipv6CidrBlock])).toEqual([
      [SUBNETS.ipv6Only, true, undefined, "2600:1f18:9:9300::/64"],
      [SUBNETS.az1, false, "10.90.1.0/24", undefined],
    ]);
  });
});

// Transit Gateway guide (tgw-vpc-attachments, Limits): "You can't create an attachment for a VPC subnet that
// resides in a Local Zone" and "You can't create a transit gateway attachment using IPv6-only subnets".
describe("CreateTransitGatewayVpcAttachment subnet limits", () => {
  it.each([
    ["a Local Zone subnet", SUBNETS.localZone, /Local Zone/],
    ["an IPv6-only subnet", SUBNETS.ipv6Only, /IPv6-only/],
  ])("refuses %s and creates nothing", async (_name, subnet, message) => {
    const ec2 = h.ec2(await h.assume(ACCOUNTS.transit));
    const err = await errorOf(ec2.send(new CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: TGW, VpcId: VPC, SubnetIds: [SUBNETS.az1, subnet] })));
    expect(err).toMatchObject({ name: "InvalidParameterValue", status: 400 });
    expect(err.message).toMatch(message);
    const ok = await ec2.send(new CreateTransitGatewayVpcAttachmentCommand({ TransitGatewayId: TGW, VpcId: VPC, SubnetIds: [SUBNETS.az1] }));
    expect(ok.TransitGatewayVpcAttachment?.SubnetIds).toEqual([SUBNETS.az1]);
    await h.control("POST", "/_sandbox/reset");
  });
});
