import {
  CreateNetworkAclEntryCommand,
  CreateNetworkInsightsPathCommand,
  CreateNetworkInterfaceCommand,
  DeleteNetworkAclEntryCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInsightsPathsCommand,
  DescribeNetworkInterfacesCommand,
  RevokeSecurityGroupIngressCommand,
  StartNetworkInsightsAnalysisCommand,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readPathAnalysis, type PathAnalysisResult } from "@/lib/domain/path-analysis/path-analysis-result";
import type { ClientLocation } from "@/lib/domain/request-input";

import { checkDrift } from "./check-drift";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h?.close());

const CLUSTER = { account: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000001" };
const CROSS_VPC: ClientLocation = { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000002", securityGroupIds: ["sg-0aaa0000000000011"] };
const CROSS_ACCOUNT: ClientLocation = { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };
const CROSS_REGION: ClientLocation = { type: "aws-vpc", accountId: "111111111111", region: "us-west-2", vpcId: "vpc-0aaa0000000000003", securityGroupIds: ["sg-0aaa0000000000021"] };

// The accounts' own engineers, changing the network outside the portal.
const engineers = () => h.env.accessWith({ roleNameOrArn: () => "OrganizationAccountAccessRole", externalId: () => undefined });

async function analysisOf(requestId: string): Promise<PathAnalysisResult | null> {
  const row = await h.prisma.accessRequest.findUniqueOrThrow({ where: { id: requestId } });
  return readPathAnalysis(row.pathAnalysis);
}

async function approveAndRun(client: ClientLocation) {
  const request = await h.file("alice", client);
  await h.act("bob", request.id, "approve");
  await h.run(request.id);
  return request;
}

async function brokerAcl(): Promise<string> {
  const acls = await engineers().ec2(CLUSTER.account, CLUSTER.region).send(new DescribeNetworkAclsCommand({ Filters: [{ Name: "vpc-id", Values: [CLUSTER.vpcId] }] }));
  return acls.NetworkAcls?.[0]?.NetworkAclId ?? "";
}

describe("proving the path with Reachability Analyzer before Active", () => {
  it("finds the path of a cross-VPC request over its peering, audits it and removes the temporary interface", async () => {
    const request = await approveAndRun(CROSS_VPC);
    expect(await h.status(request.id)).toBe("ACTIVE");
    const result = await analysisOf(request.id);
    expect(result?.outcome).toBe("reachable");
    if (result?.outcome !== "reachable") return;
    expect(result.analysedFrom).toEqual({ accountId: "111111111111", region: "us-east-1" });
    // One broker in each of the cluster's three subnets, each subnet with its own route table.
    expect(result.ports.map((p) => [p.port, p.broker?.subnetId, p.found])).toEqual([
      [9098, "subnet-0aaa0000000000001", true],
      [9098, "subnet-0aaa0000000000002", true],
      [9098, "subnet-0aaa0000000000003", true],
    ]);
    const ids = result.ports[0]?.forward.map((hop) => hop.id) ?? [];
    expect(ids[0]).toBe(result.source?.networkInterfaceId);
    expect(ids).toContain("sg-0aaa0000000000001");
    expect(ids.some((id) => id.startsWith("pcx-"))).toBe(true);
    expect(ids.at(-1)).toBe(result.destination?.networkInterfaceId);
    const left = await engineers()
      .ec2(CROSS_VPC.accountId, CROSS_VPC.region)
      .send(new DescribeNetworkInterfacesCommand({ Filters: [{ Name: "tag:msk-portal:purpose", Values: ["path-analysis-source"] }] }));
    expect(left.NetworkInterfaces).toEqual([]);
    const events = await h.prisma.auditEvent.findMany({ where: { requestId: request.id, action: "request.path-analysed" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.details).toMatchObject({ outcome: "reachable", summary: "Reachability Analyzer: path found on port 9098 to brokers 1, 2, 3" });
  });

  it("finds the path of a cross-account request from the cluster account, a delegated administrator", async () => {
    const request = await approveAndRun(CROSS_ACCOUNT);
    expect(await h.status(request.id)).toBe("ACTIVE");
    const result = await analysisOf(request.id);
    expect(result).toMatchObject({ outcome: "reachable", analysedFrom: { accountId: "111111111111" } });
  });

  it("blocks Active on a network ACL outside the plan, with AWS's explanation, and goes on once it is fixed", async () => {
    const ec2 = engineers().ec2(CLUSTER.account, CLUSTER.region);
    const acl = await brokerAcl();
    await ec2.send(
      new CreateNetworkAclEntryCommand({ NetworkAclId: acl, RuleNumber: 40, Protocol: "6", RuleAction: "deny", Egress: false, CidrBlock: "10.1.0.0/16", PortRange: { From: 9096, To: 9096 } }),
    );
    // SASL/SCRAM's port, 9096, which the ACL denies.
    const request = await h.file("alice", CROSS_VPC, { authModes: ["scram"] });
    await h.act("bob", request.id, "approve");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("FAILED");
    const result = await analysisOf(request.id);
    expect(result?.outcome).toBe("unreachable");
    const explanation = result?.outcome === "unreachable" ? result.ports[0]?.explanations[0] : undefined;
    expect(explanation).toMatchObject({ code: "SUBNET_ACL_RESTRICTION", direction: "ingress" });
    expect(explanation?.resources).toContainEqual({ role: "acl", id: acl });
    const failed = await h.prisma.auditEvent.findFirstOrThrow({ where: { requestId: request.id, action: "request.fail" } });
    expect(failed.details).toMatchObject({ reason: expect.stringContaining("SUBNET_ACL_RESTRICTION") });

    await ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: acl, RuleNumber: 40, Egress: false }));
    await h.act("bob", request.id, "retry");
    await h.run(request.id);
    expect(await h.status(request.id)).toBe("ACTIVE");
    expect((await analysisOf(request.id))?.outcome).toBe("reachable");
  });

  it("says why a cross-Region request is not analysed, and activates it on its checks", async () => {
    const request = await approveAndRun(CROSS_REGION);
    expect(await h.status(request.id)).toBe("ACTIVE");
    const result = await analysisOf(request.id);
    expect(result).toMatchObject({ outcome: "not-analysed", reason: expect.stringContaining("within one Region") });
  });

  it("shows a removed security group rule as AWS's explanation when a person checks for drift", async () => {
    const request = await approveAndRun(CROSS_VPC);
    expect(await h.status(request.id)).toBe("ACTIVE");
    // The rules the request's own step added to the brokers' group, as its claims record them.
    const claimed = await h.prisma.resourceClaim.findMany({ where: { requestId: request.id, resource: { startsWith: "sgr-" } } });
    expect(claimed.length).toBeGreaterThan(0);
    await engineers()
      .ec2(CLUSTER.account, CLUSTER.region)
      .send(new RevokeSecurityGroupIngressCommand({ GroupId: "sg-0aaa0000000000001", SecurityGroupRuleIds: claimed.map((c) => c.resource) }));
    const bob = h.person("bob");
    const problems = await checkDrift(request.id, await h.deps(), { kind: "user", userId: bob.id, label: bob.email });
    const path = problems.find((p) => p.step === "path-analysis");
    expect(path?.problem).toContain("ENI_SG_RULES_MISMATCH");
    const result = await analysisOf(request.id);
    const explanation = result?.outcome === "unreachable" ? result.ports[0]?.explanations[0] : undefined;
    expect(explanation).toMatchObject({ code: "ENI_SG_RULES_MISMATCH", direction: "ingress" });
    expect(explanation?.resources).toContainEqual({ role: "securityGroups", id: "sg-0aaa0000000000001" });
    const analysed = await h.prisma.auditEvent.findFirstOrThrow({ where: { requestId: request.id, action: "request.path-analysed" }, orderBy: { id: "desc" } });
    expect(analysed.actorLabel).toBe(bob.email);
  });

  it("deletes what a run that died left behind (its tagged interface, path and analysis) before it runs again", async () => {
    const request = await approveAndRun(CROSS_VPC);
    expect(await h.status(request.id)).toBe("ACTIVE");
    const tag = { Key: "msk-portal:request-id", Value: request.id };
    const ec2 = engineers().ec2(CLUSTER.account, CLUSTER.region);
    // What a worker killed mid-analysis leaves: the source interface, a path and its analysis, all tagged.
    await ec2.send(
      new CreateNetworkInterfaceCommand({
        SubnetId: "subnet-0aaa0000000000011",
        Groups: ["sg-0aaa0000000000011"],
        TagSpecifications: [{ ResourceType: "network-interface", Tags: [tag, { Key: "msk-portal:purpose", Value: "path-analysis-source" }] }],
      }),
    );
    const path = await ec2.send(
      new CreateNetworkInsightsPathCommand({ Source: "eni-0123456789abcdef0", Destination: "eni-0123456789abcdef1", Protocol: "tcp", DestinationPort: 9098, TagSpecifications: [{ ResourceType: "network-insights-path", Tags: [tag] }] }),
    );
    await ec2.send(new StartNetworkInsightsAnalysisCommand({ NetworkInsightsPathId: path.NetworkInsightsPath?.NetworkInsightsPathId }));
    // Its analysis answers within the sandbox's scaled minute; once it has, it can be deleted.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const bob = h.person("bob");
    expect(await checkDrift(request.id, await h.deps(), { kind: "user", userId: bob.id, label: bob.email })).toEqual([]);
    const tagged = [{ Name: `tag:${tag.Key}`, Values: [tag.Value] }];
    expect((await ec2.send(new DescribeNetworkInsightsPathsCommand({ Filters: tagged }))).NetworkInsightsPaths).toEqual([]);
    expect((await ec2.send(new DescribeNetworkInterfacesCommand({ Filters: tagged }))).NetworkInterfaces).toEqual([]);
  });
});
