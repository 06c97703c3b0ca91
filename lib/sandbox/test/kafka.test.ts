import {
  CreateVpcConnectionCommand,
  DeleteClusterPolicyCommand,
  DeleteVpcConnectionCommand,
  DescribeClusterV2Command,
  DescribeVpcConnectionCommand,
  GetBootstrapBrokersCommand,
  GetClusterPolicyCommand,
  ListClientVpcConnectionsCommand,
  ListClustersV2Command,
  PutClusterPolicyCommand,
  RejectClientVpcConnectionCommand,
  UpdateConnectivityCommand,
} from "@aws-sdk/client-kafka";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS, errorOf, eventually, outcome, startHarness, type Credentials, type Harness } from "./harness";

const ORDERS = "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/7d0c7a4e-1b2c-4d3e-9f40-000000000001-1";
const ANALYTICS = "arn:aws:kafka:us-east-1:111111111111:cluster/analytics-dev/7d0c7a4e-1b2c-4d3e-9f40-000000000002-2";

let h: Harness;
let msk: Credentials;
let saas: Credentials;
beforeAll(async () => {
  h = await startHarness();
  msk = await h.assume(ACCOUNTS.msk);
  saas = await h.assume(ACCOUNTS.saas);
});
afterAll(() => h.sandbox.close());

const policyFor = (account: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: [`arn:aws:iam::${account}:root`] },
        Action: ["kafka:CreateVpcConnection", "kafka:GetBootstrapBrokers", "kafka:DescribeClusterV2"],
        Resource: ORDERS,
      },
    ],
  });

describe("Kafka clusters", () => {
  it("lists the owner's clusters with paging and none for other accounts", async () => {
    const page1 = await h.kafka(msk).send(new ListClustersV2Command({ MaxResults: 1 }));
    expect(page1.ClusterInfoList?.map((c) => c.ClusterName)).toEqual(["analytics-dev"]);
    const page2 = await h.kafka(msk).send(new ListClustersV2Command({ MaxResults: 1, NextToken: page1.NextToken }));
    expect(page2.ClusterInfoList?.map((c) => c.ClusterName)).toEqual(["orders-prod"]);
    expect(page2.NextToken).toBeUndefined();
    const other = await h.kafka(saas).send(new ListClustersV2Command({}));
    expect(other.ClusterInfoList).toEqual([]);
  });

  it("describes a cluster with subnets, zones, auth and encryption", async () => {
    const out = await h.kafka(msk).send(new DescribeClusterV2Command({ ClusterArn: ORDERS }));
    const p = out.ClusterInfo?.Provisioned;
    expect(out.ClusterInfo?.State).toBe("ACTIVE");
    expect(out.ClusterInfo?.CreationTime).toBeInstanceOf(Date);
    expect(p?.BrokerNodeGroupInfo?.ClientSubnets).toEqual([
      "subnet-0aaa0000000000001",
      "subnet-0aaa0000000000002",
      "subnet-0aaa0000000000003",
    ]);
    expect(p?.BrokerNodeGroupInfo?.ZoneIds).toEqual(["use1-az1", "use1-az2", "use1-az4"]);
    expect(p?.BrokerNodeGroupInfo?.SecurityGroups).toEqual(["sg-0aaa0000000000001"]);
    expect(p?.ClientAuthentication?.Sasl?.Iam?.Enabled).toBe(true);
    expect(p?.ClientAuthentication?.Sasl?.Scram?.Enabled).toBe(true);
    expect(p?.ClientAuthentication?.Tls?.Enabled).toBe(true);
    expect(p?.EncryptionInfo?.EncryptionInTransit?.ClientBroker).toBe("TLS");
    expect(p?.CurrentBrokerSoftwareInfo?.KafkaVersion).toBe("3.6.0");
  });

  it("answers NotFoundException for an unknown cluster", async () => {
    const err = await errorOf(h.kafka(msk).send(new DescribeClusterV2Command({ ClusterArn: `${ORDERS}x` })));
    expect(err.name).toBe("NotFoundException");
  });

  it("gives bootstrap brokers per enabled auth mode", async () => {
    const orders = await h.kafka(msk).send(new GetBootstrapBrokersCommand({ ClusterArn: ORDERS }));
    expect(orders.BootstrapBrokerStringSaslIam).toBe(
      "b-1.ordersprod.abc123.c2.kafka.us-east-1.amazonaws.com:9098,b-2.ordersprod.abc123.c2.kafka.us-east-1.amazonaws.com:9098,b-3.ordersprod.abc123.c2.kafka.us-east-1.amazonaws.com:9098",
    );
    expect(orders.BootstrapBrokerStringSaslScram).toContain(":9096");
    expect(orders.BootstrapBrokerStringTls).toContain(":9094");
    expect(orders.BootstrapBrokerString).toBeUndefined();
    expect(orders.BootstrapBrokerStringVpcConnectivitySaslIam).toBeUndefined();
    const analytics = await h.kafka(msk).send(new GetBootstrapBrokersCommand({ ClusterArn: ANALYTICS }));
    expect(analytics.BootstrapBrokerString).toContain(":9092");
    expect(analytics.BootstrapBrokerStringSaslIam).toContain(":9098");
    expect(analytics.BootstrapBrokerStringTls).toBeUndefined();
  });

  it("refuses another account without a cluster policy", async () => {
    const err = await errorOf(h.kafka(saas).send(new GetBootstrapBrokersCommand({ ClusterArn: ORDERS })));
    expect(err.name).toBe("ForbiddenException");
  });
});

describe("multi-VPC private connectivity", () => {
  it("refuses UpdateConnectivity with a stale version, plaintext-only schemes and auth the cluster lacks", async () => {
    const stale = await errorOf(
      h.kafka(msk).send(
        new UpdateConnectivityCommand({
          ClusterArn: ORDERS,
          CurrentVersion: "KSTALE",
          ConnectivityInfo: { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true } } } } },
        }),
      ),
    );
    expect(stale.name).toBe("BadRequestException");
    const cur = await h.kafka(msk).send(new DescribeClusterV2Command({ ClusterArn: ANALYTICS }));
    const noScram = await errorOf(
      h.kafka(msk).send(
        new UpdateConnectivityCommand({
          ClusterArn: ANALYTICS,
          CurrentVersion: cur.ClusterInfo?.CurrentVersion,
          ConnectivityInfo: { VpcConnectivity: { ClientAuthentication: { Sasl: { Scram: { Enabled: true } } } } },
        }),
      ),
    );
    expect(noScram.name).toBe("BadRequestException");
    expect(noScram.message).toMatch(/SCRAM/);
  });

  it("turns IAM multi-VPC on: UPDATING with a new version, then ACTIVE with VPC connectivity brokers", async () => {
    const before = await h.kafka(msk).send(new DescribeClusterV2Command({ ClusterArn: ORDERS }));
    const out = await h.kafka(msk).send(
      new UpdateConnectivityCommand({
        ClusterArn: ORDERS,
        CurrentVersion: before.ClusterInfo?.CurrentVersion,
        ConnectivityInfo: { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true } } } } },
      }),
    );
    expect(out.ClusterOperationArn).toContain("cluster-operation/orders-prod");
    const during = await h.kafka(msk).send(new DescribeClusterV2Command({ ClusterArn: ORDERS }));
    expect(during.ClusterInfo?.State).toBe("UPDATING");
    expect(during.ClusterInfo?.CurrentVersion).not.toBe(before.ClusterInfo?.CurrentVersion);
    const after = await eventually(
      () => h.kafka(msk).send(new DescribeClusterV2Command({ ClusterArn: ORDERS })),
      (d) => d.ClusterInfo?.State === "ACTIVE",
    );
    expect(
      after.ClusterInfo?.Provisioned?.BrokerNodeGroupInfo?.ConnectivityInfo?.VpcConnectivity?.ClientAuthentication?.Sasl
        ?.Iam?.Enabled,
    ).toBe(true);
    const brokers = await h.kafka(msk).send(new GetBootstrapBrokersCommand({ ClusterArn: ORDERS }));
    expect(brokers.BootstrapBrokerStringVpcConnectivitySaslIam).toMatch(/:14001,.*:14002,.*:14003$/);
  });

  it("manages the cluster policy with versions", async () => {
    expect((await errorOf(h.kafka(msk).send(new GetClusterPolicyCommand({ ClusterArn: ORDERS })))).name).toBe(
      "NotFoundException",
    );
    const put = await h.kafka(msk).send(new PutClusterPolicyCommand({ ClusterArn: ORDERS, Policy: policyFor("123456789012") }));
    const noVersion = await errorOf(
      h.kafka(msk).send(new PutClusterPolicyCommand({ ClusterArn: ORDERS, Policy: policyFor(ACCOUNTS.saas) })),
    );
    expect(noVersion.name).toBe("BadRequestException");
    const wrong = await errorOf(
      h.kafka(msk).send(
        new PutClusterPolicyCommand({ ClusterArn: ORDERS, Policy: policyFor(ACCOUNTS.saas), CurrentVersion: "KWRONG" }),
      ),
    );
    expect(wrong.name).toBe("BadRequestException");
    await h.kafka(msk).send(new DeleteClusterPolicyCommand({ ClusterArn: ORDERS }));
    const again = await h.kafka(msk).send(new PutClusterPolicyCommand({ ClusterArn: ORDERS, Policy: policyFor("123456789012") }));
    const replaced = await h.kafka(msk).send(
      new PutClusterPolicyCommand({ ClusterArn: ORDERS, Policy: policyFor(ACCOUNTS.saas), CurrentVersion: again.CurrentVersion }),
    );
    expect(replaced.CurrentVersion).not.toBe(put.CurrentVersion);
    const got = await h.kafka(msk).send(new GetClusterPolicyCommand({ ClusterArn: ORDERS }));
    expect(got.CurrentVersion).toBe(replaced.CurrentVersion);
    expect(got.Policy).toContain(ACCOUNTS.saas);
  });

  it("lets the granted SaaS account create a VPC connection that the owner sees and rejects", async () => {
    const wrongScheme = await errorOf(
      h.kafka(saas).send(
        new CreateVpcConnectionCommand({
          TargetClusterArn: ORDERS,
          Authentication: "SASL_SCRAM",
          VpcId: "vpc-0ddd0000000000001",
          ClientSubnets: ["subnet-0ddd0000000000001", "subnet-0ddd0000000000002"],
          SecurityGroups: ["sg-0ddd0000000000001"],
        }),
      ),
    );
    expect(wrongScheme.name).toBe("BadRequestException");
    const created = await h.kafka(saas).send(
      new CreateVpcConnectionCommand({
        TargetClusterArn: ORDERS,
        Authentication: "SASL_IAM",
        VpcId: "vpc-0ddd0000000000001",
        ClientSubnets: ["subnet-0ddd0000000000001", "subnet-0ddd0000000000002"],
        SecurityGroups: ["sg-0ddd0000000000001"],
        Tags: { portal: "req-1" },
      }),
    );
    expect(created.State).toBe("CREATING");
    expect(created.CreationTime).toBeInstanceOf(Date);
    const arn = created.VpcConnectionArn ?? "";
    const available = await eventually(
      () => h.kafka(saas).send(new DescribeVpcConnectionCommand({ Arn: arn })),
      (d) => d.State === "AVAILABLE",
    );
    expect(available.TargetClusterArn).toBe(ORDERS);
    const listed = await h.kafka(msk).send(new ListClientVpcConnectionsCommand({ ClusterArn: ORDERS }));
    expect(listed.ClientVpcConnections?.map((c) => [c.VpcConnectionArn, c.Owner, c.State])).toEqual([
      [arn, ACCOUNTS.saas, "AVAILABLE"],
    ]);
    await h.kafka(msk).send(new RejectClientVpcConnectionCommand({ ClusterArn: ORDERS, VpcConnectionArn: arn }));
    await eventually(
      () => h.kafka(saas).send(new DescribeVpcConnectionCommand({ Arn: arn })),
      (d) => d.State === "REJECTED",
    );
    const del = await errorOf(h.kafka(msk).send(new DeleteVpcConnectionCommand({ Arn: arn })));
    expect(del.name).toBe("NotFoundException");
  });

  it("refuses CreateVpcConnection from an account the policy does not name", async () => {
    const apps = await h.assume(ACCOUNTS.apps);
    const err = await errorOf(
      h.kafka(apps).send(
        new CreateVpcConnectionCommand({
          TargetClusterArn: ORDERS,
          Authentication: "SASL_IAM",
          VpcId: "vpc-0bbb0000000000001",
          ClientSubnets: ["subnet-0bbb0000000000001"],
          SecurityGroups: ["sg-0bbb0000000000001"],
        }),
      ),
    );
    expect(err.name).toBe("ForbiddenException");
  });

  it("deletes a VPC connection from the client side", async () => {
    const created = await h.kafka(saas).send(
      new CreateVpcConnectionCommand({
        TargetClusterArn: ORDERS,
        Authentication: "SASL_IAM",
        VpcId: "vpc-0ddd0000000000001",
        ClientSubnets: ["subnet-0ddd0000000000001"],
        SecurityGroups: ["sg-0ddd0000000000001"],
      }),
    );
    const arn = created.VpcConnectionArn ?? "";
    const del = await h.kafka(saas).send(new DeleteVpcConnectionCommand({ Arn: arn }));
    expect(del.State).toBe("DELETING");
    // MSK has no DELETED state: once DELETING ends the connection is gone.
    await eventually(
      () => outcome(h.kafka(saas).send(new DescribeVpcConnectionCommand({ Arn: arn }))),
      (name) => name === "NotFoundException",
    );
  });
});
