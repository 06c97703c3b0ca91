import { DescribeClusterV2Command } from "@aws-sdk/client-kafka";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TOPOLOGY, type CallRecord } from "@/lib/sandbox";
import { listClusters } from "../discovery/list-clusters";
import { ACCOUNTS, MSK_VPC, ORDERS_ARN, PAYMENTS, PLATFORM_APPS, SAME_VPC_CLIENT_SG } from "../steps/testing/fixtures";
import { runPlan, undoPlan, verifyPlan } from "../steps/testing/run-plan";
import { planFor } from "../steps/testing/scenario-plan";
import { eventually } from "../testing/eventually";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { analysisPlan } from "@/lib/domain/path-analysis/analysis-eligibility";
import { runPathAnalysis } from "../path-analysis/run-path-analysis";
import { KIT_ACCOUNT_KINDS } from "./account-kinds";
import { ROLE_POLICIES } from "./role-policy";

type Scenario = Omit<Parameters<typeof planFor>[1], "requestId">;

const SCENARIOS: Record<string, Scenario> = {
  "same VPC": {
    client: {
      type: "aws-vpc",
      accountId: ACCOUNTS.msk,
      region: "us-east-1",
      vpcId: MSK_VPC.id,
      securityGroupIds: [SAME_VPC_CLIENT_SG],
      subnetIds: ["subnet-0aaa0000000000004"],
    },
    authModes: ["iam", "tls"],
  },
  "other VPC": {
    client: {
      type: "aws-vpc",
      accountId: ACCOUNTS.msk,
      region: "us-east-1",
      vpcId: PLATFORM_APPS.id,
      securityGroupIds: [PLATFORM_APPS.sg],
    },
    authModes: ["iam"],
  },
  "other Region": {
    client: {
      type: "aws-vpc",
      accountId: ACCOUNTS.msk,
      region: "us-west-2",
      vpcId: "vpc-0aaa0000000000003",
      securityGroupIds: ["sg-0aaa0000000000021"],
    },
    authModes: ["iam"],
  },
  "other account": {
    client: {
      type: "aws-vpc",
      accountId: ACCOUNTS.apps,
      region: "us-east-1",
      vpcId: PAYMENTS.id,
      securityGroupIds: [PAYMENTS.sg],
    },
    authModes: ["iam", "scram"],
  },
  "other account through the TGW hub": {
    client: {
      type: "aws-vpc",
      accountId: ACCOUNTS.apps,
      region: "us-east-1",
      vpcId: PAYMENTS.id,
      securityGroupIds: [PAYMENTS.sg],
    },
    authModes: ["iam"],
    preferTgw: true,
  },
  "on-premises": { client: { type: "on-prem", cidrs: ["192.168.0.0/16"] }, authModes: ["iam"] },
  SaaS: { client: { type: "saas", accountId: ACCOUNTS.saas, providerName: "StreamCo" }, authModes: ["iam"] },
  "VPC client through multi-VPC connectivity": {
    client: {
      type: "aws-vpc",
      accountId: ACCOUNTS.apps,
      region: "us-east-1",
      vpcId: PAYMENTS.id,
      securityGroupIds: [PAYMENTS.sg],
    },
    authModes: ["iam"],
    preferredMethod: "multi-vpc-private-connectivity",
  },
};

const DENIED = new Set(["UnauthorizedOperation", "AccessDeniedException", "AccessDenied"]);

let env: SandboxAccess;
const calls: CallRecord[] = [];
beforeAll(async () => {
  env = await startSandboxAccess();
});
afterAll(() => env.close());

const clusterActive = () =>
  eventually(
    async () =>
      (await env.access.kafka(ACCOUNTS.msk, "us-east-1").send(new DescribeClusterV2Command({ ClusterArn: ORDERS_ARN })))
        .ClusterInfo?.State === "ACTIVE",
  );

describe("the role kit's least-privilege policies", () => {
  it("are what the default topology's roles have", () => {
    expect(DEFAULT_TOPOLOGY.accounts.map((a) => a.roleKind)).toEqual(["cluster-owner", "application", "transit", "application"]);
  });

  it.each(Object.entries(SCENARIOS))(
    "%s: planned, provisioned, verified and rolled back with no call refused",
    async (name, scenario) => {
      await env.control("POST", "/_sandbox/reset");
      await env.clearCalls();
      const requestId = `req-${name.replaceAll(" ", "-").toLowerCase()}`;
      const plan = await planFor(env.access, { ...scenario, requestId });
      // Every scenario of the default topology is approvable as planned, on-premises (Direct Connect both ways) too.
      expect(plan.preflight.filter((f) => f.severity === "block")).toEqual([]);
      const records = await runPlan(env.access, plan, requestId);
      expect(await verifyPlan(env.access, plan, requestId, records)).toEqual([]);
      // What the provisioner does next where AWS can prove the path: the analysis, as the portal runs it.
      const analysis = analysisPlan({
        scenario: plan.scenario,
        method: plan.method,
        client: scenario.client,
        cluster: { accountId: ACCOUNTS.msk, region: "us-east-1" },
        transitAccountId: ACCOUNTS.transit,
        setting: "all",
      });
      if (analysis.possible) {
        const result = await runPathAnalysis({
          access: env.access,
          plan: analysis,
          cluster: { accountId: ACCOUNTS.msk, region: "us-east-1", arn: ORDERS_ARN },
          ports: plan.ports,
          requestTag: { Key: "msk-portal:request-id", Value: requestId },
          waits: { pollDelay: () => 10, deadlineMs: 10_000 },
          log: () => undefined,
        });
        expect(result.outcome).toBe("reachable");
      }
      await undoPlan(env.access, plan, requestId, records);
      await clusterActive();
      const made = await env.calls();
      calls.push(...made);
      expect(made.filter((c) => c.errorCode && DENIED.has(c.errorCode))).toEqual([]);
    },
  );

  it("lists clusters in the owner account with no call refused", async () => {
    await env.clearCalls();
    const listing = await listClusters(env.access, [{ accountId: ACCOUNTS.msk, regions: ["us-east-1"] }]);
    expect(listing.failures).toEqual([]);
    calls.push(...(await env.calls()));
  });

  // Runs last: it reads what the runs above were authorised for. The default topology has no account
  // outside the Organization that can attach to the hub (the SaaS provider's VPC overlaps the cluster's), so
  // the invitation path is exercised by the step tests instead (tgw-steps).
  const NOT_IN_THE_DEFAULT_TOPOLOGY = new Set([
    "ram:GetResourceShareInvitations",
    "ram:AcceptResourceShareInvitation",
    // Read when a VPC already has an attachment: the second on-prem request (provisioning tests).
    "ec2:GetTransitGatewayAttachmentPropagations",
    // An approver's action, not a plan's: lib/provisioner/reject-client-vpc-connection.test.ts calls it through
    // the cluster-owner kit of the default topology.
    "kafka:RejectClientVpcConnection",
    // Only for a route of the request's own left a blackhole, when it is re-applied after its peering was
    // deleted (lib/provisioner/reapply.test.ts).
    "ec2:ReplaceRoute",
  ]);
  it("grant no action that none of those runs needed", () => {
    const used = new Set([...calls.flatMap((c) => c.actions ?? []), ...NOT_IN_THE_DEFAULT_TOPOLOGY]);
    const unused = KIT_ACCOUNT_KINDS.flatMap((kind) =>
      ROLE_POLICIES[kind].Statement.flatMap((s) => s.Action.filter((a) => !used.has(a)).map((a) => `${kind}: ${a}`)),
    );
    expect(unused).toEqual([]);
  });
});
