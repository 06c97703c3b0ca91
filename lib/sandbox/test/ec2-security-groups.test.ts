import {
  AcceptVpcPeeringConnectionCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcPeeringConnectionsCommand,
  RevokeSecurityGroupIngressCommand,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS, errorOf, eventually, startHarness, type Credentials, type Harness } from "./harness";

let h: Harness;
let msk: Credentials;
let apps: Credentials;
beforeAll(async () => {
  h = await startHarness();
  msk = await h.assume(ACCOUNTS.msk);
  apps = await h.assume(ACCOUNTS.apps);
});
afterAll(() => h.sandbox.close());

const MSK_SG = "sg-0aaa0000000000001";
const tcp = (port: number) => ({ IpProtocol: "tcp", FromPort: port, ToPort: port });

describe("security groups", () => {
  it("describes groups with the default egress rule", async () => {
    const out = await h.ec2(msk).send(new DescribeSecurityGroupsCommand({ GroupIds: [MSK_SG] }));
    const sg = out.SecurityGroups?.[0];
    expect(sg).toMatchObject({ GroupId: MSK_SG, VpcId: "vpc-0aaa0000000000001", OwnerId: ACCOUNTS.msk, GroupName: "msk-brokers" });
    expect(sg?.IpPermissionsEgress).toEqual([
      { IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }], UserIdGroupPairs: [], Ipv6Ranges: [], PrefixListIds: [] },
    ]);
    const missing = await errorOf(h.ec2(apps).send(new DescribeSecurityGroupsCommand({ GroupIds: [MSK_SG] })));
    expect(missing.name).toBe("InvalidGroup.NotFound");
  });

  it("authorizes a same-VPC group reference and a CIDR, refuses duplicates, revokes", async () => {
    const out = await h.ec2(msk).send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: MSK_SG,
        IpPermissions: [
          { ...tcp(9098), UserIdGroupPairs: [{ GroupId: "sg-0aaa0000000000002", Description: "same-vpc client" }] },
          { ...tcp(9096), IpRanges: [{ CidrIp: "10.2.0.0/16" }] },
        ],
        TagSpecifications: [{ ResourceType: "security-group-rule", Tags: [{ Key: "portal-request", Value: "r9" }] }],
      }),
    );
    expect(out.Return).toBe(true);
    expect(out.SecurityGroupRules?.map((r) => [r.FromPort, r.ReferencedGroupInfo?.GroupId, r.CidrIpv4])).toEqual([
      [9098, "sg-0aaa0000000000002", undefined],
      [9096, undefined, "10.2.0.0/16"],
    ]);
    expect(out.SecurityGroupRules?.[0]?.SecurityGroupRuleId).toMatch(/^sgr-/);
    const dup = await errorOf(
      h.ec2(msk).send(new AuthorizeSecurityGroupIngressCommand({ GroupId: MSK_SG, IpPermissions: [{ ...tcp(9096), IpRanges: [{ CidrIp: "10.2.0.0/16" }] }] })),
    );
    expect(dup.name).toBe("InvalidPermission.Duplicate");
    const rules = await h.ec2(msk).send(
      new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: [MSK_SG] }, { Name: "tag:portal-request", Values: ["r9"] }] }),
    );
    expect(rules.SecurityGroupRules).toHaveLength(2);
    await h.ec2(msk).send(
      new RevokeSecurityGroupIngressCommand({ GroupId: MSK_SG, IpPermissions: [{ ...tcp(9096), IpRanges: [{ CidrIp: "10.2.0.0/16" }] }] }),
    );
    const notThere = await errorOf(
      h.ec2(msk).send(new RevokeSecurityGroupIngressCommand({ GroupId: MSK_SG, IpPermissions: [{ ...tcp(9096), IpRanges: [{ CidrIp: "10.2.0.0/16" }] }] })),
    );
    expect(notThere.name).toBe("InvalidPermission.NotFound");
    const ruleId = out.SecurityGroupRules?.[0]?.SecurityGroupRuleId ?? "";
    await h.ec2(msk).send(new RevokeSecurityGroupIngressCommand({ GroupId: MSK_SG, SecurityGroupRuleIds: [ruleId] }));
  });

  it("refuses a reference to another VPC without peering, and to another region", async () => {
    const unpeered = await errorOf(
      h.ec2(msk).send(
        new AuthorizeSecurityGroupIngressCommand({ GroupId: MSK_SG, IpPermissions: [{ ...tcp(9098), UserIdGroupPairs: [{ GroupId: "sg-0aaa0000000000011" }] }] }),
      ),
    );
    expect(unpeered.name).toBe("InvalidGroup.NotFound");
    expect(unpeered.message).toMatch(/different networks/);
    const otherRegion = await errorOf(
      h.ec2(msk).send(
        new AuthorizeSecurityGroupIngressCommand({ GroupId: MSK_SG, IpPermissions: [{ ...tcp(9098), UserIdGroupPairs: [{ GroupId: "sg-0aaa0000000000021" }] }] }),
      ),
    );
    expect(otherRegion.name).toBe("InvalidGroup.NotFound");
  });

  it("allows a cross-account UserId/GroupId reference across an active same-region peering", async () => {
    const created = await h.ec2(msk).send(
      new CreateVpcPeeringConnectionCommand({ VpcId: "vpc-0aaa0000000000001", PeerVpcId: "vpc-0bbb0000000000001", PeerOwnerId: ACCOUNTS.apps }),
    );
    const id = created.VpcPeeringConnection?.VpcPeeringConnectionId ?? "";
    const pair = { UserId: ACCOUNTS.apps, GroupId: "sg-0bbb0000000000001" };
    const early = await errorOf(
      h.ec2(msk).send(new AuthorizeSecurityGroupIngressCommand({ GroupId: MSK_SG, IpPermissions: [{ ...tcp(9098), UserIdGroupPairs: [pair] }] })),
    );
    expect(early.name).toBe("InvalidGroup.NotFound");
    await eventually(
      () => h.ec2(apps).send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] })),
      (d) => d.VpcPeeringConnections?.[0]?.Status?.Code === "pending-acceptance",
    );
    await h.ec2(apps).send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }));
    await eventually(
      () => h.ec2(msk).send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [id] })),
      (d) => d.VpcPeeringConnections?.[0]?.Status?.Code === "active",
    );
    const noUser = await errorOf(
      h.ec2(msk).send(
        new AuthorizeSecurityGroupIngressCommand({ GroupId: MSK_SG, IpPermissions: [{ ...tcp(9098), UserIdGroupPairs: [{ GroupId: pair.GroupId }] }] }),
      ),
    );
    expect(noUser.name).toBe("InvalidGroup.NotFound");
    const out = await h.ec2(msk).send(
      new AuthorizeSecurityGroupIngressCommand({ GroupId: MSK_SG, IpPermissions: [{ ...tcp(9098), UserIdGroupPairs: [pair] }] }),
    );
    expect(out.SecurityGroupRules?.[0]?.ReferencedGroupInfo).toMatchObject({ ...pair, VpcPeeringConnectionId: id });
    const sg = await h.ec2(msk).send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: "ip-permission.group-id", Values: [pair.GroupId] }] }),
    );
    expect(sg.SecurityGroups?.map((g) => g.GroupId)).toEqual([MSK_SG]);
  });
});
