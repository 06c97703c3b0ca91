import {
  CreateVpcConnectionCommand,
  DescribeClusterOperationV2Command,
  DescribeClusterV2Command,
  DescribeConfigurationRevisionCommand,
  RejectClientVpcConnectionCommand,
  UpdateConnectivityCommand,
  type KafkaClient,
} from "@aws-sdk/client-kafka";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACCOUNTS, errorOf, eventually, startHarness, type Credentials, type Harness } from "./harness";

const ORDERS = "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/7d0c7a4e-1b2c-4d3e-9f40-000000000001-1";
const ANALYTICS = "arn:aws:kafka:us-east-1:111111111111:cluster/analytics-dev/7d0c7a4e-1b2c-4d3e-9f40-000000000002-2";
const IAM_ON = { VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: true } } } } };

let h: Harness;
let msk: Credentials;
let kafka: KafkaClient;
beforeAll(async () => {
  h = await startHarness();
  msk = await h.assume(ACCOUNTS.msk);
  kafka = h.kafka(msk);
});
afterAll(() => h.sandbox.close());
beforeEach(() => h.control("POST", "/_sandbox/reset"));

const describeCluster = async (arn: string) => (await kafka.send(new DescribeClusterV2Command({ ClusterArn: arn }))).ClusterInfo;

async function turnOnIam(arn: string): Promise<string> {
  const before = await describeCluster(arn);
  const out = await kafka.send(new UpdateConnectivityCommand({ ClusterArn: arn, CurrentVersion: before?.CurrentVersion, ConnectivityInfo: IAM_ON }));
  if (!out.ClusterOperationArn) throw new Error("UpdateConnectivity returned no operation");
  return out.ClusterOperationArn;
}

const operation = async (arn: string) =>
  (await kafka.send(new DescribeClusterOperationV2Command({ ClusterOperationArn: arn }))).ClusterOperationInfo;

// MSK developer guide, msk-configuration-operations and msk-default-configuration: a cluster names its custom
// configuration in CurrentBrokerSoftwareInfo; without one it runs MSK's default (allow.everyone.if.no.acl.found=true).
describe("cluster configuration (DescribeConfigurationRevision)", () => {
  it("gives the cluster's server.properties as a blob", async () => {
    const info = (await describeCluster(ORDERS))?.Provisioned?.CurrentBrokerSoftwareInfo;
    expect(info?.ConfigurationArn).toMatch(/^arn:aws:kafka:us-east-1:111111111111:configuration\//);
    const revision = await kafka.send(
      new DescribeConfigurationRevisionCommand({ Arn: info?.ConfigurationArn, Revision: info?.ConfigurationRevision }),
    );
    expect(Buffer.from(revision.ServerProperties ?? new Uint8Array()).toString("utf8")).toContain("allow.everyone.if.no.acl.found=false");
  });

  it("names no configuration for a cluster on MSK's default, and an unknown revision is NotFound", async () => {
    expect((await describeCluster(ANALYTICS))?.Provisioned?.CurrentBrokerSoftwareInfo?.ConfigurationArn).toBeUndefined();
    const arn = (await describeCluster(ORDERS))?.Provisioned?.CurrentBrokerSoftwareInfo?.ConfigurationArn;
    expect((await errorOf(kafka.send(new DescribeConfigurationRevisionCommand({ Arn: arn, Revision: 9 })))).name).toBe("NotFoundException");
  });
});

// MSK developer guide, aws-access-mult-vpc (mvpc-requirements): unauthenticated clusters can't use multi-VPC private connectivity.
describe("UpdateConnectivity with unauthenticated access on", () => {
  it("is refused and starts no operation", async () => {
    const before = await describeCluster(ANALYTICS);
    const error = await errorOf(
      kafka.send(new UpdateConnectivityCommand({ ClusterArn: ANALYTICS, CurrentVersion: before?.CurrentVersion, ConnectivityInfo: IAM_ON })),
    );
    expect(error).toMatchObject({ name: "BadRequestException", status: 400 });
    expect(error.message).toMatch(/unauthenticated/i);
    expect((await describeCluster(ANALYTICS))?.State).toBe("ACTIVE");
  });
});

// MSK API reference, DescribeClusterOperationV2: OperationState, and ErrorInfo when the operation failed.
describe("cluster operations (DescribeClusterOperationV2)", () => {
  it("follows an UpdateConnectivity from in progress to complete", async () => {
    const arn = await turnOnIam(ORDERS);
    expect(await operation(arn)).toMatchObject({ ClusterArn: ORDERS, OperationType: "UPDATE_CONNECTIVITY", OperationState: "UPDATE_IN_PROGRESS" });
    const done = await eventually(() => operation(arn), (o) => o?.OperationState === "UPDATE_COMPLETE");
    expect(done?.EndTime).toBeInstanceOf(Date);
    expect(done?.ErrorInfo).toBeUndefined();
    const iam = (await describeCluster(ORDERS))?.Provisioned?.BrokerNodeGroupInfo?.ConnectivityInfo?.VpcConnectivity?.ClientAuthentication?.Sasl?.Iam;
    expect(iam?.Enabled).toBe(true);
  });

  it("ends UPDATE_FAILED with MSK's ErrorInfo and leaves connectivity off when the update fails", async () => {
    await h.control("POST", "/_sandbox/msk/operation-failure", { clusterArn: ORDERS, errorCode: "InternalFailure", errorString: "Brokers failed to restart" });
    const arn = await turnOnIam(ORDERS);
    const failed = await eventually(() => operation(arn), (o) => o?.OperationState === "UPDATE_FAILED");
    expect(failed?.ErrorInfo).toEqual({ ErrorCode: "InternalFailure", ErrorString: "Brokers failed to restart" });
    const cluster = await describeCluster(ORDERS);
    expect(cluster?.State).toBe("ACTIVE");
    expect(cluster?.Provisioned?.BrokerNodeGroupInfo?.ConnectivityInfo?.VpcConnectivity?.ClientAuthentication?.Sasl?.Iam?.Enabled).toBe(false);
  });

  it("answers NotFound for an operation that does not exist", async () => {
    const arn = `${ORDERS.replace(":cluster/", ":cluster-operation/")}/00000000-0000-0000-0000-000000000000`;
    expect((await errorOf(kafka.send(new DescribeClusterOperationV2Command({ ClusterOperationArn: arn })))).name).toBe("NotFoundException");
  });
});

// The API model (CreateVpcConnection, RejectClientVpcConnection) declares no NotFoundException or
// ConflictException for these two: a name that does not exist is a BadRequestException.
describe("errors the API model declares for VPC connections", () => {
  it("CreateVpcConnection to a cluster that does not exist is a BadRequestException", async () => {
    const saas = h.kafka(await h.assume(ACCOUNTS.saas));
    const missing = ORDERS.replace("orders-prod", "nope");
    const error = await errorOf(
      saas.send(
        new CreateVpcConnectionCommand({ TargetClusterArn: missing, Authentication: "SASL_IAM", VpcId: "vpc-0ddd0000000000001", ClientSubnets: ["subnet-0ddd0000000000001"], SecurityGroups: ["sg-0ddd0000000000001"] }),
      ),
    );
    expect(error).toMatchObject({ name: "BadRequestException", status: 400 });
  });

  it("RejectClientVpcConnection of a connection that does not exist is a BadRequestException", async () => {
    const arn = "arn:aws:kafka:us-east-1:444444444444:vpc-connection/111111111111/orders-prod/00000000-0000-0000-0000-000000000000-1";
    const error = await errorOf(kafka.send(new RejectClientVpcConnectionCommand({ ClusterArn: ORDERS, VpcConnectionArn: arn })));
    expect(error).toMatchObject({ name: "BadRequestException", status: 400 });
  });
});
