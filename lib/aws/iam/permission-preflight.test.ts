import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TOPOLOGY, type SandboxTopology } from "@/lib/sandbox";
import { describeAwsError } from "../aws-errors";
import { ACCOUNTS, PLATFORM_APPS } from "../steps/testing/fixtures";
import { runPlan } from "../steps/testing/run-plan";
import { planFor } from "../steps/testing/scenario-plan";
import { startSandboxAccess, type SandboxAccess } from "../testing/sandbox-access";
import { checkPlanPermissions } from "./permission-preflight";
import { ROLE_POLICIES } from "./role-policy";
import { testAccountAccess } from "./test-account-access";

const ROLE = "arn:aws:iam::111111111111:role/MskConnectivityPortal";

// The MSK account's role is the kit's cluster-owner policy without ec2:CreateRoute.
function withoutCreateRoute(): SandboxTopology {
  const policy = ROLE_POLICIES["cluster-owner"];
  const rolePolicy = {
    ...policy,
    Statement: policy.Statement.map((s) => ({ ...s, Action: s.Action.filter((a) => a !== "ec2:CreateRoute") })),
  };
  return {
    ...DEFAULT_TOPOLOGY,
    accounts: DEFAULT_TOPOLOGY.accounts.map((a) => (a.id === ACCOUNTS.msk ? { ...a, roleKind: undefined, rolePolicy } : a)),
  };
}

const OTHER_VPC = {
  client: {
    type: "aws-vpc" as const,
    accountId: ACCOUNTS.msk,
    region: "us-east-1",
    vpcId: PLATFORM_APPS.id,
    securityGroupIds: [PLATFORM_APPS.sg],
  },
  authModes: ["iam" as const],
};
const kinds = { [ACCOUNTS.msk]: "cluster-owner", [ACCOUNTS.apps]: "application", [ACCOUNTS.transit]: "transit" } as const;
const kindOf = (id: string) => kinds[id as keyof typeof kinds];

let env: SandboxAccess;
beforeAll(async () => {
  env = await startSandboxAccess({ topology: withoutCreateRoute() });
});
afterAll(() => env.close());

describe("permission preflight", () => {
  it("tries every EC2 change with DryRun and blocks on the one the role may not make, naming role, account and action", async () => {
    const plan = await planFor(env.access, { ...OTHER_VPC, requestId: "req-dry" });
    const findings = await checkPlanPermissions(env.access, plan, kindOf);
    const routeSteps = plan.steps.filter((s) => s.kind === "create-route" && s.account === ACCOUNTS.msk);
    expect(findings.map((f) => f.code)).toEqual(routeSteps.map(() => "permission-missing"));
    expect(findings[0]?.severity).toBe("block");
    expect(findings[0]?.message).toContain(`The portal's role ${ROLE} in account ${ACCOUNTS.msk} is not allowed ec2:CreateRoute`);
    expect(findings[0]?.message).toContain("tried with DryRun");
    // Nothing was made by trying.
    const state = (await env.control("GET", "/_sandbox/state")) as object;
    expect(JSON.stringify(state)).not.toContain("pcx-0f");
  });

  it("finds nothing missing where the roles have the kit's policies", async () => {
    const full = await startSandboxAccess();
    try {
      const plan = await planFor(full.access, { ...OTHER_VPC, requestId: "req-full" });
      expect(await checkPlanPermissions(full.access, plan, kindOf)).toEqual([]);
    } finally {
      await full.close();
    }
  });

  it("reads RAM and MSK needs from the role kit, since they have no dry run, and says so", async () => {
    const plan = await planFor(env.access, {
      client: { type: "saas", accountId: ACCOUNTS.saas, providerName: "StreamCo" },
      authModes: ["iam"],
      requestId: "req-kit",
    });
    const findings = await checkPlanPermissions(env.access, plan, (id) => (id === ACCOUNTS.msk ? "application" : kindOf(id)));
    expect(findings.map((f) => f.message).join("\n")).toMatch(
      /kafka:UpdateConnectivity.*role kit's application policy does not grant.*no dry run/,
    );
  });

  it("fails the step that needs a missing action with a message naming the account, the role and the action", async () => {
    const plan = await planFor(env.access, { ...OTHER_VPC, requestId: "req-denied" });
    const error = await runPlan(env.access, plan, "req-denied").then(
      () => null,
      (e: unknown) => e,
    );
    const info = describeAwsError(error);
    expect(info).toMatchObject({ code: "UnauthorizedOperation", kind: "permission", retryable: false });
    expect(info.message).toBe(
      `The portal's role ${ROLE} in account ${ACCOUNTS.msk} is not allowed ec2:CreateRoute in us-east-1; deploy the role kit from deploy/iam for this account's kind, or add the action to the role`,
    );
  });
});

describe("Test access", () => {
  it("reports exactly the action the role lacks, and tries the rest harmlessly", async () => {
    const report = await testAccountAccess(env.access, { id: ACCOUNTS.msk, kind: "cluster-owner", region: "us-east-1" });
    expect(report.assumed).toBe(true);
    expect(report.checks.filter((c) => c.outcome === "missing").map((c) => c.action)).toEqual(["ec2:CreateRoute"]);
    expect(report.checks.find((c) => c.action === "ec2:DeleteRoute")).toMatchObject({ outcome: "allowed" });
    expect(report.checks.find((c) => c.action === "kafka:UpdateConnectivity")).toMatchObject({ outcome: "not-tried" });
    const state = (await env.control("GET", "/_sandbox/state")) as object;
    expect(JSON.stringify(state)).not.toContain("198.18.0.0/24");
  });

  it("says the role cannot be assumed when the external id is wrong", async () => {
    const report = await testAccountAccess(env.accessWith({ externalId: () => "wrong" }), {
      id: ACCOUNTS.apps,
      kind: "application",
      region: "us-east-1",
    });
    expect(report).toMatchObject({ assumed: false, checks: [] });
    expect(report.problem).toContain("cannot assume");
  });
});
