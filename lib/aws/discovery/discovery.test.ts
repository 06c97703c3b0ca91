import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { planConnection } from "@/lib/domain/plan/plan-connection";
import type { PlatformSettings } from "@/lib/domain/plan/facts";
import {
  AcceptVpcPeeringConnectionCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateRouteCommand,
  CreateVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnectionsCommand,
} from "@aws-sdk/client-ec2";
import { PutClusterPolicyCommand } from "@aws-sdk/client-kafka";
import { eventually } from "../testing/eventually";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { discoverClientFacts } from "./discover-client-facts";
import { discoverClusterFacts } from "./discover-cluster-facts";
import { DiscoveryFieldError } from "./discovery-field-error";
import { listClusters } from "./list-clusters";

const ORDERS = "arn:aws:kafka:us-east-1:111111111111:cluster/orders-prod/7d0c7a4e-1b2c-4d3e-9f40-000000000001-1";
const ANALYTICS = "arn:aws:kafka:us-east-1:111111111111:cluster/analytics-dev/7d0c7a4e-1b2c-4d3e-9f40-000000000002-2";

let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess();
});
afterAll(async () => {
  await env.close();
});
afterEach(async () => {
  await env.control("POST", "/_sandbox/reset");
});

async function fieldErrorOf(p: Promise<unknown>): Promise<DiscoveryFieldError> {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!(e instanceof DiscoveryFieldError)) throw new Error(`expected a DiscoveryFieldError, got ${String(e)}`);
  return e;
}

describe("listClusters", () => {
  it("lists every cluster of the owner accounts and regions, with VPC, auth modes and bootstrap", async () => {
    const listing = await listClusters(env.access, [
      { accountId: "111111111111", regions: ["us-east-1", "us-west-2"] },
    ]);
    expect(listing.failures).toEqual([]);
    expect(listing.clusters.map((c) => c.name)).toEqual(["analytics-dev", "orders-prod"]);
    const orders = listing.clusters.find((c) => c.arn === ORDERS);
    expect(orders).toMatchObject({
      accountId: "111111111111",
      region: "us-east-1",
      vpcId: "vpc-0aaa0000000000001",
      kafkaVersion: "3.6.0",
      authModes: ["iam", "scram", "tls"],
      state: "ACTIVE",
      instanceType: "kafka.m5.large",
    });
    expect(orders?.bootstrap.BootstrapBrokerStringSaslIam).toMatch(/:9098/);
    expect(listing.clusters.find((c) => c.arn === ANALYTICS)?.authModes).toEqual(["iam", "plaintext"]);
  });

  it("reports an account it cannot act in as a failure and still lists the others", async () => {
    const listing = await listClusters(env.access, [
      { accountId: "111111111111", regions: ["us-east-1"] },
      { accountId: "555555555555", regions: ["us-east-1"] },
    ]);
    expect(listing.clusters).toHaveLength(2);
    expect(listing.failures).toEqual([
      expect.objectContaining({ accountId: "555555555555", region: "us-east-1", error: expect.objectContaining({ kind: "permission" }) }),
    ]);
  });
});

describe("discoverClusterFacts", () => {
  it("describes orders-prod: VPC, brokers, route tables, SG, auth, bootstrap and policy", async () => {
    const facts = await discoverClusterFacts(env.access, ORDERS);
    expect(facts).toMatchObject({
      arn: ORDERS,
      name: "orders-prod",
      accountId: "111111111111",
      region: "us-east-1",
      vpcId: "vpc-0aaa0000000000001",
      cidrs: ["10.0.0.0/16"],
      dnsHostnames: true,
      dnsSupport: true,
      kafkaVersion: "3.6.0",
      instanceType: "kafka.m5.large",
      enabledAuthModes: ["iam", "scram", "tls"],
      unauthenticatedAccess: false,
      // From its configuration revision's server.properties (DescribeConfigurationRevision).
      allowEveryoneIfNoAclFound: false,
      encryptionInTransit: "TLS",
      multiVpc: { iam: false, scram: false, tls: false },
      clusterPolicy: null,
      peerings: [],
      tgwAttachments: [],
      outstandingPeeringRequests: 0,
    });
    expect(facts.currentVersion).not.toBe("");
    expect(facts.brokerSubnets).toEqual([
      { subnetId: "subnet-0aaa0000000000001", azId: "use1-az1", routeTableId: "rtb-0aaa0000000000001", cidr: "10.0.1.0/24" },
      { subnetId: "subnet-0aaa0000000000002", azId: "use1-az2", routeTableId: "rtb-0aaa0000000000002", cidr: "10.0.2.0/24" },
      { subnetId: "subnet-0aaa0000000000003", azId: "use1-az4", routeTableId: "rtb-0aaa0000000000003", cidr: "10.0.3.0/24" },
    ]);
    expect(facts.routeTables.map((t) => t.routeTableId)).toEqual(["rtb-0aaa0000000000001", "rtb-0aaa0000000000002", "rtb-0aaa0000000000003"]);
    expect(facts.routeTables[0]?.routes).toEqual([{ destinationCidr: "10.0.0.0/16", target: "local", state: "active" }]);
    expect(facts.securityGroups).toEqual([{ groupId: "sg-0aaa0000000000001", ingress: [] }]);
    expect(facts.bootstrap.BootstrapBrokerStringTls).toMatch(/^b-1\.ordersprod\..*:9094,/);
    expect(facts.bootstrap.BootstrapBrokerString).toBeUndefined();
    // Plain JSON: what the portal stores is what it reads back.
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
  });

  it("sees the changes a plan makes: a peering, its routes, SG rules and the cluster policy", async () => {
    const msk = env.access.ec2("111111111111", "us-east-1");
    const peering = await msk.send(
      new CreateVpcPeeringConnectionCommand({ VpcId: "vpc-0aaa0000000000001", PeerVpcId: "vpc-0bbb0000000000001", PeerOwnerId: "222222222222" }),
    );
    const pcx = peering.VpcPeeringConnection?.VpcPeeringConnectionId ?? "";
    const apps = env.access.ec2("222222222222", "us-east-1");
    await eventually(async () => {
      const out = await apps.send(new DescribeVpcPeeringConnectionsCommand({ VpcPeeringConnectionIds: [pcx] }));
      return out.VpcPeeringConnections?.[0]?.Status?.Code === "pending-acceptance";
    });
    await apps.send(new AcceptVpcPeeringConnectionCommand({ VpcPeeringConnectionId: pcx }));
    await msk.send(new CreateRouteCommand({ RouteTableId: "rtb-0aaa0000000000002", DestinationCidrBlock: "10.20.0.0/16", VpcPeeringConnectionId: pcx }));
    await msk.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: "sg-0aaa0000000000001",
        IpPermissions: [
          { IpProtocol: "tcp", FromPort: 9098, ToPort: 9098, IpRanges: [{ CidrIp: "10.20.0.0/16" }] },
          { IpProtocol: "tcp", FromPort: 9098, ToPort: 9098, UserIdGroupPairs: [{ GroupId: "sg-0aaa0000000000002" }] },
        ],
      }),
    );
    const policy = {
      Version: "2012-10-17",
      Statement: { Effect: "Allow", Principal: { AWS: "444444444444" }, Action: ["kafka:CreateVpcConnection"], Resource: ORDERS },
    };
    await env.access.kafka("111111111111", "us-east-1").send(new PutClusterPolicyCommand({ ClusterArn: ORDERS, Policy: JSON.stringify(policy) }));

    const facts = await discoverClusterFacts(env.access, ORDERS);
    expect(facts.peerings).toEqual([
      {
        peeringId: pcx,
        status: expect.stringMatching(/provisioning|active/),
        requester: { accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000001", allowDnsResolutionFromRemoteVpc: false },
        accepter: { accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", allowDnsResolutionFromRemoteVpc: false },
      },
    ]);
    expect(facts.outstandingPeeringRequests).toBe(0);
    expect(facts.routeTables.find((t) => t.routeTableId === "rtb-0aaa0000000000002")?.routes).toContainEqual({
      destinationCidr: "10.20.0.0/16",
      target: pcx,
      state: expect.stringMatching(/active|blackhole/),
    });
    expect(facts.securityGroups[0]?.ingress).toEqual(
      expect.arrayContaining([
        { protocol: "tcp", fromPort: 9098, toPort: 9098, source: { kind: "cidr", cidr: "10.20.0.0/16" }, ruleId: expect.stringMatching(/^sgr-/) },
        { protocol: "tcp", fromPort: 9098, toPort: 9098, source: { kind: "sg", groupId: "sg-0aaa0000000000002", userId: "111111111111" }, ruleId: expect.stringMatching(/^sgr-/) },
      ]),
    );
    expect(facts.clusterPolicy?.policy.Statement).toEqual([
      { Effect: "Allow", Principal: { AWS: "444444444444" }, Action: ["kafka:CreateVpcConnection"], Resource: ORDERS },
    ]);
    expect(facts.clusterPolicy?.currentVersion).not.toBe("");
  });

  it("reads analytics-dev's plaintext listener as the plaintext auth mode", async () => {
    const facts = await discoverClusterFacts(env.access, ANALYTICS);
    expect(facts.enabledAuthModes).toEqual(["iam", "plaintext"]);
    expect(facts.encryptionInTransit).toBe("TLS_PLAINTEXT");
    expect(facts.bootstrap.BootstrapBrokerString).toMatch(/:9092/);
    // No custom configuration: MSK's default one lets everyone reach resources without ACLs.
    expect(facts).toMatchObject({ unauthenticatedAccess: true, allowEveryoneIfNoAclFound: true });
  });

  it("names the cluster field when the cluster does not exist", async () => {
    const missing = "arn:aws:kafka:us-east-1:111111111111:cluster/nope/7d0c7a4e-1b2c-4d3e-9f40-00000000000f-1";
    const error = await fieldErrorOf(discoverClusterFacts(env.access, missing));
    expect(error.field).toBe("clusterArn");
    expect(error.issues[0]?.message).toContain("111111111111/us-east-1");
  });
});

describe("discoverClientFacts", () => {
  const client = { accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };

  it("describes the cross-account client VPC with its two route tables", async () => {
    const facts = await discoverClientFacts(env.access, client);
    expect(facts).toMatchObject({ ...client, cidrs: ["10.20.0.0/16"], dnsHostnames: true, dnsSupport: true, outstandingPeeringRequests: 0 });
    expect(facts.subnets).toEqual([
      { subnetId: "subnet-0bbb0000000000001", azId: "use1-az1", routeTableId: "rtb-0bbb0000000000001", cidr: "10.20.1.0/24" },
      { subnetId: "subnet-0bbb0000000000002", azId: "use1-az2", routeTableId: "rtb-0bbb0000000000002", cidr: "10.20.2.0/24" },
    ]);
    expect(facts.routeTables.map((t) => t.routeTableId)).toEqual(["rtb-0bbb0000000000001", "rtb-0bbb0000000000002"]);
  });

  it("keeps to the subnets the request names", async () => {
    const facts = await discoverClientFacts(env.access, { ...client, subnetIds: ["subnet-0bbb0000000000002"] });
    expect(facts.subnets.map((s) => s.subnetId)).toEqual(["subnet-0bbb0000000000002"]);
  });

  it("reads DNS hostnames off where the VPC has them off", async () => {
    const facts = await discoverClientFacts(env.access, { ...client, vpcId: "vpc-0bbb0000000000004", securityGroupIds: ["sg-0bbb0000000000031"] });
    expect(facts.dnsHostnames).toBe(false);
    expect(facts.dnsSupport).toBe(true);
  });

  it("names client.vpcId when the VPC does not exist in the account and region", async () => {
    const error = await fieldErrorOf(discoverClientFacts(env.access, { ...client, vpcId: "vpc-0bbb00000000000ff" }));
    expect(error.fieldErrors()).toEqual({ "client.vpcId": ["vpc-0bbb00000000000ff does not exist in 222222222222/us-east-1"] });
  });

  it("names each wrong security group and subnet at its index", async () => {
    const error = await fieldErrorOf(
      discoverClientFacts(env.access, {
        ...client,
        securityGroupIds: ["sg-0bbb0000000000001", "sg-0bbb0000000000011", "sg-0bbb00000000000ff"],
        subnetIds: ["subnet-0bbb0000000000021", "subnet-0bbb0000000000001"],
      }),
    );
    // sg-…011 lives in eu-west-1, so in us-east-1 it does not exist; subnet-…021 is in another VPC.
    expect(Object.keys(error.fieldErrors()).sort()).toEqual(["client.securityGroupIds.1", "client.securityGroupIds.2", "client.subnetIds.0"]);
    const sameRegionOtherVpc = await fieldErrorOf(
      discoverClientFacts(env.access, { ...client, securityGroupIds: ["sg-0bbb0000000000021"] }),
    );
    expect(sameRegionOtherVpc.fieldErrors()).toEqual({
      "client.securityGroupIds.0": ["sg-0bbb0000000000021 belongs to vpc-0bbb0000000000003, not vpc-0bbb0000000000001"],
    });
  });
});

describe("discovery feeds the planner", () => {
  it("plans the cross-account VPC client from what discovery returns", async () => {
    const [cluster, client] = await Promise.all([
      discoverClusterFacts(env.access, ORDERS),
      discoverClientFacts(env.access, {
        accountId: "222222222222",
        region: "us-east-1",
        vpcId: "vpc-0bbb0000000000001",
        securityGroupIds: ["sg-0bbb0000000000001"],
      }),
    ]);
    const platform: PlatformSettings = {
      tagKeys: { requestId: "msk-portal:request-id", stepKey: "msk-portal:step" },
      crossAccountVpcVia: "peering",
      organization: null,
      transitHubs: [],
    };
    const plan = planConnection({
      request: {
        id: "req-e2e",
        client: { type: "aws-vpc", accountId: client.accountId, region: client.region, vpcId: client.vpcId, securityGroupIds: client.securityGroupIds },
        authModes: ["iam"],
      },
      cluster,
      client,
      platform,
    });
    expect(plan.scenario).toBe("cross-account");
    expect(plan.method).toBe("vpc-peering");
    expect(plan.approvable).toBe(true);
    expect(plan.bootstrap).toBe(cluster.bootstrap.BootstrapBrokerStringSaslIam);
    const commands = plan.steps.map((s) => s.command);
    expect(commands).toContain("CreateVpcPeeringConnectionCommand");
    expect(commands).toContain("AuthorizeSecurityGroupIngressCommand");
    // Routes in every table serving a client subnet and a broker subnet.
    const routeTables = plan.steps.filter((s) => s.command === "CreateRouteCommand").map((s) => (s.input as { RouteTableId?: string }).RouteTableId);
    expect(new Set(routeTables)).toEqual(
      new Set(["rtb-0bbb0000000000001", "rtb-0bbb0000000000002", "rtb-0aaa0000000000001", "rtb-0aaa0000000000002", "rtb-0aaa0000000000003"]),
    );
  });
});
