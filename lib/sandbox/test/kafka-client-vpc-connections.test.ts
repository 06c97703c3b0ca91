import {
  CreateVpcConnectionCommand,
  DeleteVpcConnectionCommand,
  DescribeClusterV2Command,
  DescribeVpcConnectionCommand,
  ListClientVpcConnectionsCommand,
  PutClusterPolicyCommand,
  RejectClientVpcConnectionCommand,
  UpdateConnectivityCommand,
} from "@aws-sdk/client-kafka";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACCOUNTS, errorOf, eventually, outcome, startHarness, type Credentials, type Harness } from "./harness";

const ORDERS = "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/7d0c7a4e-1b2c-4d3e-9f40-000000000001-1";
const SAAS_VPC = {
  VpcId: "vpc-0ddd0000000000001",
  ClientSubnets: ["subnet-0ddd0000000000001"],
  SecurityGroups: ["sg-0ddd0000000000001"],
};

let h: Harness;
let msk: Credentials;
let saas: Credentials;
beforeAll(async () => {
  h = await startHarness();
  msk = await h.assume(ACCOUNTS.msk);
  saas = await h.assume(ACCOUNTS.saas);
});
afterAll(() => h.sandbox.close());

const active = () =>
  eventually(
    () => h.kafka(msk).send(new DescribeClusterV2Command({ ClusterArn: ORDERS })),
    (d) => d.ClusterInfo?.State === "ACTIVE",
  );

async function setConnectivity(iam: boolean, scram: boolean) {
  const now = await active();
  await h.kafka(msk).send(
    new UpdateConnectivityCommand({
      ClusterArn: ORDERS,
      CurrentVersion: now.ClusterInfo?.CurrentVersion,
      ConnectivityInfo: {
        VpcConnectivity: { ClientAuthentication: { Sasl: { Iam: { Enabled: iam }, Scram: { Enabled: scram } } } },
      },
    }),
  );
  await active();
}

const describeAs = (arn: string) => h.kafka(saas).send(new DescribeVpcConnectionCommand({ Arn: arn }));

async function connect(authentication: "SASL_IAM" | "SASL_SCRAM", until: "CREATING" | "AVAILABLE" = "AVAILABLE") {
  const made = await h
    .kafka(saas)
    .send(new CreateVpcConnectionCommand({ TargetClusterArn: ORDERS, Authentication: authentication, ...SAAS_VPC }));
  const arn = made.VpcConnectionArn ?? "";
  if (until === "AVAILABLE")
    await eventually(
      () => describeAs(arn),
      (d) => d.State === "AVAILABLE",
    );
  return arn;
}

beforeEach(async () => {
  await h.control("POST", "/_sandbox/reset");
  await setConnectivity(true, true);
  const policy = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${ACCOUNTS.saas}:root` },
        Action: "kafka:CreateVpcConnection",
        Resource: ORDERS,
      },
    ],
  };
  await h.kafka(msk).send(new PutClusterPolicyCommand({ ClusterArn: ORDERS, Policy: JSON.stringify(policy) }));
});

// MSK API reference, "clusters-clusterarn-client-vpc-connections" (GET, ListClientVpcConnections) and
// "clusters-clusterarn-client-vpc-connection" (PUT, RejectClientVpcConnection: an empty 200 answer; errors 400,
// 401, 403, 404, 429, 500, 503, the SDK model declaring BadRequest, Forbidden, InternalServerError,
// ServiceUnavailable and Unauthorized). ClientVpcConnection carries Authentication, CreationTime, Owner,
// State and VpcConnectionArn, no VPC id. VpcConnectionState includes REJECTING and REJECTED.
describe("RejectClientVpcConnection", () => {
  it("pages the cluster's client connections for the owner only", async () => {
    const first = await connect("SASL_IAM", "CREATING");
    const second = await connect("SASL_SCRAM", "CREATING");
    const page1 = await h.kafka(msk).send(new ListClientVpcConnectionsCommand({ ClusterArn: ORDERS, MaxResults: 1 }));
    expect(page1.ClientVpcConnections?.map((c) => [c.VpcConnectionArn, c.Owner, c.Authentication])).toEqual([
      [first, ACCOUNTS.saas, "SASL_IAM"],
    ]);
    expect(page1.ClientVpcConnections?.[0]?.CreationTime).toBeInstanceOf(Date);
    const page2 = await h
      .kafka(msk)
      .send(new ListClientVpcConnectionsCommand({ ClusterArn: ORDERS, MaxResults: 1, NextToken: page1.NextToken }));
    expect(page2.ClientVpcConnections?.map((c) => c.VpcConnectionArn)).toEqual([second]);
    expect(page2.NextToken).toBeUndefined();
    expect((await errorOf(h.kafka(saas).send(new ListClientVpcConnectionsCommand({ ClusterArn: ORDERS })))).name).toBe(
      "ForbiddenException",
    );
  });

  it("moves an AVAILABLE connection through REJECTING to REJECTED, which only its owner can then delete", async () => {
    const arn = await connect("SASL_IAM");
    const out = await h.kafka(msk).send(new RejectClientVpcConnectionCommand({ ClusterArn: ORDERS, VpcConnectionArn: arn }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(["REJECTING", "REJECTED"]).toContain((await describeAs(arn)).State);
    await eventually(
      () => describeAs(arn),
      (d) => d.State === "REJECTED",
    );
    // "A rejected connection still incurs cost until it's deleted by the connection owner."
    const listed = await h.kafka(msk).send(new ListClientVpcConnectionsCommand({ ClusterArn: ORDERS }));
    expect(listed.ClientVpcConnections?.map((c) => c.State)).toEqual(["REJECTED"]);
    const again = await errorOf(
      h.kafka(msk).send(new RejectClientVpcConnectionCommand({ ClusterArn: ORDERS, VpcConnectionArn: arn })),
    );
    expect(again.name).toBe("BadRequestException");
    await h.kafka(saas).send(new DeleteVpcConnectionCommand({ Arn: arn }));
    await eventually(
      () => outcome(describeAs(arn)),
      (name) => name === "NotFoundException",
    );
  });

  it("refuses a connection that is not AVAILABLE, an unknown ARN and a caller who does not own the cluster", async () => {
    const creating = await connect("SASL_IAM", "CREATING");
    const early = await errorOf(
      h.kafka(msk).send(new RejectClientVpcConnectionCommand({ ClusterArn: ORDERS, VpcConnectionArn: creating })),
    );
    expect(early).toMatchObject({ name: "BadRequestException", status: 400 });
    const unknown = `arn:aws:kafka:us-east-1:${ACCOUNTS.saas}:vpc-connection/${ACCOUNTS.msk}/orders-prod/00000000-0000-0000-0000-000000000000-9`;
    expect(
      (await errorOf(h.kafka(msk).send(new RejectClientVpcConnectionCommand({ ClusterArn: ORDERS, VpcConnectionArn: unknown }))))
        .name,
    ).toBe("BadRequestException");
    await eventually(
      () => describeAs(creating),
      (d) => d.State === "AVAILABLE",
    );
    const notOwner = await errorOf(
      h.kafka(saas).send(new RejectClientVpcConnectionCommand({ ClusterArn: ORDERS, VpcConnectionArn: creating })),
    );
    expect(notOwner.name).toBe("ForbiddenException");
    expect((await describeAs(creating)).State).toBe("AVAILABLE");
  });
});

// MSK developer guide, "mvpc-cross-account-update-authschemes": turning a scheme off turns the client side's
// connections of that scheme INACTIVE; the owner can only delete them.
describe("UpdateConnectivity turning a scheme off", () => {
  it("leaves the connections of other schemes AVAILABLE and turns those of the scheme INACTIVE", async () => {
    const iam = await connect("SASL_IAM");
    const scram = await connect("SASL_SCRAM");
    await setConnectivity(false, true);
    expect((await describeAs(iam)).State).toBe("INACTIVE");
    expect((await describeAs(scram)).State).toBe("AVAILABLE");
  });
});
