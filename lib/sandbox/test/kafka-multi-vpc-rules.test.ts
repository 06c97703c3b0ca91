import { CreateSecurityGroupCommand, DeleteSecurityGroupCommand } from "@aws-sdk/client-ec2";
import { CreateVpcConnectionCommand, DeleteVpcConnectionCommand, DescribeClusterV2Command, DescribeVpcConnectionCommand, PutClusterPolicyCommand, UpdateConnectivityCommand } from "@aws-sdk/client-kafka";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SandboxTopology } from "../index";
import { ACCOUNTS, UNRESTRICTED_TOPOLOGY, errorOf, eventually, outcome, startHarness, type Credentials, type Harness } from "./harness";

const ORDERS = "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/7d0c7a4e-1b2c-4d3e-9f40-000000000001-1";
const SAAS_VPC = "vpc-0ddd0000000000001";
const AZ1 = "subnet-0ddd0000000000001";
const AZ2 = "subnet-0ddd0000000000002";
const AZ1_SECOND = "subnet-0ddd0000000000003";
const AZ3 = "subnet-0ddd0000000000004";

// The SaaS VPC with a second subnet in use1-az1 and one in use1-az3, where orders-prod has no brokers.
const TOPOLOGY: SandboxTopology = {
  ...UNRESTRICTED_TOPOLOGY,
  accounts: UNRESTRICTED_TOPOLOGY.accounts.map((account) =>
    account.id !== ACCOUNTS.saas
      ? account
      : {
          ...account,
          vpcs: (account.vpcs ?? []).map((vpc) => ({
            ...vpc,
            subnets: [
              ...(vpc.subnets ?? []),
              { id: AZ1_SECOND, cidrBlock: "10.0.3.0/24", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1", routeTableId: "rtb-0ddd0000000000001" },
              { id: AZ3, cidrBlock: "10.0.4.0/24", availabilityZone: "us-east-1d", availabilityZoneId: "use1-az3", routeTableId: "rtb-0ddd0000000000001" },
            ],
          })),
        },
  ),
};

let h: Harness;
let msk: Credentials;
let saas: Credentials;
beforeAll(async () => {
  h = await startHarness({ topology: TOPOLOGY });
  msk = await h.assume(ACCOUNTS.msk);
  saas = await h.assume(ACCOUNTS.saas);
  const cluster = await h.kafka(msk).send(new DescribeClusterV2Command({ ClusterArn: ORDERS }));
  await h.kafka(msk).send(
    new UpdateConnectivityCommand({
      ClusterArn: ORDERS,
      CurrentVersion: cluster.ClusterInfo?.CurrentVersion,
      ConnectivityInfo: { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true } } } } },
    }),
  );
  await eventually(
    () => h.kafka(msk).send(new DescribeClusterV2Command({ ClusterArn: ORDERS })),
    (d) => d.ClusterInfo?.State === "ACTIVE",
  );
  const policy = {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNTS.saas}:root` }, Action: "kafka:CreateVpcConnection", Resource: ORDERS }],
  };
  await h.kafka(msk).send(new PutClusterPolicyCommand({ ClusterArn: ORDERS, Policy: JSON.stringify(policy) }));
});
afterAll(() => h.sandbox.close());

const connect = (clientSubnets: string[]) =>
  h.kafka(saas).send(
    new CreateVpcConnectionCommand({
      TargetClusterArn: ORDERS,
      Authentication: "SASL_IAM",
      VpcId: SAAS_VPC,
      ClientSubnets: clientSubnets,
      SecurityGroups: ["sg-0ddd0000000000001"],
    }),
  );

// MSK developer guide, "mvpc-cross-account-create-connection": the client subnets are one per Availability
// Zone, in the zones (by zone id) of the cluster's brokers; the connection is a set of interface endpoints
// (PrivateLink guide, "create-interface-endpoint": one subnet per Availability Zone).
describe("CreateVpcConnection client subnets", () => {
  it("refuses two subnets in one Availability Zone", async () => {
    const err = await errorOf(connect([AZ1, AZ1_SECOND]));
    expect(err.name).toBe("BadRequestException");
    expect(err.message).toContain("one client subnet per Availability Zone");
  });

  it("refuses a subnet in a zone where the cluster has no brokers", async () => {
    const err = await errorOf(connect([AZ1, AZ3]));
    expect(err.name).toBe("BadRequestException");
    expect(err.message).toContain("use1-az3");
  });

  it("accepts one subnet in each of the cluster's zones the client VPC has", async () => {
    const created = await connect([AZ1, AZ2]);
    expect(created.ClientSubnets).toEqual([AZ1, AZ2]);
    await h.kafka(saas).send(new DeleteVpcConnectionCommand({ Arn: created.VpcConnectionArn }));
    await eventually(
      () => outcome(h.kafka(saas).send(new DescribeVpcConnectionCommand({ Arn: created.VpcConnectionArn }))),
      (v) => v === "NotFoundException",
    );
  });
});

// EC2 API reference, DeleteSecurityGroup: a group associated with a network interface is DependencyViolation;
// the connection's endpoint interfaces hold its groups until it has finished deleting.
describe("a VPC connection's security group", () => {
  it("cannot be deleted while the connection uses it, and can once the connection is gone", async () => {
    const made = await h.ec2(saas).send(new CreateSecurityGroupCommand({ GroupName: "mvpc-endpoints", Description: "endpoints", VpcId: SAAS_VPC }));
    const groupId = made.GroupId ?? "";
    expect(groupId).toMatch(/^sg-0f/);
    const dup = await errorOf(h.ec2(saas).send(new CreateSecurityGroupCommand({ GroupName: "mvpc-endpoints", Description: "again", VpcId: SAAS_VPC })));
    expect(dup.name).toBe("InvalidGroup.Duplicate");
    const conn = await h.kafka(saas).send(
      new CreateVpcConnectionCommand({ TargetClusterArn: ORDERS, Authentication: "SASL_IAM", VpcId: SAAS_VPC, ClientSubnets: [AZ2], SecurityGroups: [groupId] }),
    );
    const held = await errorOf(h.ec2(saas).send(new DeleteSecurityGroupCommand({ GroupId: groupId })));
    expect(held.name).toBe("DependencyViolation");
    await h.kafka(saas).send(new DeleteVpcConnectionCommand({ Arn: conn.VpcConnectionArn }));
    await eventually(
      () => outcome(h.ec2(saas).send(new DeleteSecurityGroupCommand({ GroupId: groupId }))),
      (v) => v === "ok",
    );
  });
});
