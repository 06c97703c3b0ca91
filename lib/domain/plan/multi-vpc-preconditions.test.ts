import { describe, expect, it } from "vitest";
import type { AuthMode } from "../request-input";
import type { ClusterFacts } from "./facts";
import { planConnection } from "./plan-connection";
import { client, cluster, saasInput, vpcInput, APP_ACCOUNT } from "./test-fixtures";

const blocksOf = (facts: Partial<ClusterFacts>, authModes: AuthMode[]) => {
  const plan = planConnection(saasInput({ clusterFacts: cluster(facts), authModes }));
  return { approvable: plan.approvable, blocks: plan.preflight.filter((f) => f.severity === "block").map((f) => f.code) };
};

describe("multi-VPC preconditions on the cluster itself", () => {
  it.each([
    { name: "IAM on a cluster denying resources without ACLs", facts: {}, modes: ["iam"], blocks: [] },
    { name: "IAM on MSK's default configuration (ACLs do not apply to IAM clients)", facts: { allowEveryoneIfNoAclFound: true }, modes: ["iam"], blocks: [] },
    { name: "SASL/SCRAM on MSK's default configuration", facts: { allowEveryoneIfNoAclFound: true }, modes: ["scram"], blocks: ["multi-vpc-acl-default-allow"] },
    { name: "mTLS on MSK's default configuration", facts: { allowEveryoneIfNoAclFound: true }, modes: ["tls"], blocks: ["multi-vpc-acl-default-allow"] },
    { name: "SASL/SCRAM with allow.everyone.if.no.acl.found=false", facts: {}, modes: ["scram"], blocks: [] },
    { name: "IAM with unauthenticated access on over TLS only", facts: { unauthenticatedAccess: true }, modes: ["iam"], blocks: ["multi-vpc-unauthenticated"] },
  ] satisfies { name: string; facts: Partial<ClusterFacts>; modes: AuthMode[]; blocks: string[] }[])("$name", ({ facts, modes, blocks }) => {
    const result = blocksOf(facts, modes);
    expect(result.blocks).toEqual(blocks);
    expect(result.approvable).toBe(blocks.length === 0);
  });

  it("says what to change and why for the ACL default", () => {
    const plan = planConnection(saasInput({ clusterFacts: cluster({ allowEveryoneIfNoAclFound: true }), authModes: ["scram"] }));
    const finding = plan.preflight.find((f) => f.code === "multi-vpc-acl-default-allow");
    expect(finding?.remedy).toContain("allow.everyone.if.no.acl.found=false");
    expect(finding?.rule).toMatch(/mvpc-requirements/);
  });

  it("blocks a VPC client choosing multi-VPC on a cluster with unauthenticated access", () => {
    const plan = planConnection(
      vpcInput({
        clientFacts: client({ accountId: APP_ACCOUNT, cidrs: ["10.10.0.0/16"] }),
        clusterFacts: cluster({ unauthenticatedAccess: true }),
        preferredMethod: "multi-vpc-private-connectivity",
      }),
    );
    expect(plan.method).toBe("multi-vpc-private-connectivity");
    expect(plan.preflight.find((f) => f.code === "multi-vpc-unauthenticated")?.remedy).toMatch(/unauthenticated access/);
    expect(plan.approvable).toBe(false);
  });
});
