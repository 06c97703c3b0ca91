import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RequestInput } from "@/lib/domain/request-input";
import { ExpectedError } from "@/lib/errors/expected-error";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

import { removeAccount } from "../admin/manage-platform";
import type { PrismaClient } from "../prisma-factory";
import { createAccessRequest, type Requester } from "../requests/create-request";
import { getRequestForViewer } from "../requests/get-request";
import { startSeededTestDatabase } from "../testing/seeded-test-database";
import { countArchivedClusters, listClusters, listClustersToManage } from "./list-catalog";
import { archiveCluster, removeCluster, restoreCluster } from "./manage-clusters";

let prisma: PrismaClient;
let database: Awaited<ReturnType<typeof startSeededTestDatabase>>;
let alice: Requester;
const erin = { kind: "user" as const, userId: "", label: "erin@example.com" };

beforeAll(async () => {
  database = await startSeededTestDatabase();
  prisma = database.prisma;
  const load = async (email: string) => {
    const u = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    return { id: u.id, email: u.email, roles: u.roles, teamIds: u.memberships.map((m) => m.teamId) };
  };
  alice = await load("alice@example.com");
  erin.userId = (await load("erin@example.com")).id;
});
afterAll(() => database.drop());

const [orders, analytics] = DEMO_CLUSTERS;
const clusterId = async (arn: string) => (await prisma.cluster.findUniqueOrThrow({ where: { arn } })).id;
const request = (clusterArn: string): RequestInput => ({
  clusterArn,
  client: { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] },
  authModes: ["iam"],
  environment: "dev",
  justification: "Payments consumer reads the orders topic",
});
const refusal = (work: Promise<unknown>) => work.then(() => new Error("not refused"), (error: unknown) => error);
const audited = (action: string, arn: string) => prisma.auditEvent.findMany({ where: { action, resourceIds: { has: arn } } });

describe("a cluster that requests refer to", () => {
  it("cannot be removed, but can be archived: gone from the catalog and the form, its requests still readable", async () => {
    const filed = await createAccessRequest(alice, request(orders!.arn));
    const id = await clusterId(orders!.arn);

    const error = await refusal(removeCluster(erin, id));
    expect(error).toBeInstanceOf(ExpectedError);
    expect((error as ExpectedError).message).toBe("1 request(s) refer to orders-prod, so it stays in the catalog; archive it instead.");
    expect(await prisma.cluster.count({ where: { id } })).toBe(1);

    await archiveCluster(erin, id);
    expect((await listClusters()).map((c) => c.name)).not.toContain("orders-prod");
    expect((await listClusters({ archived: true })).map((c) => c.name)).toEqual(["orders-prod"]);
    expect(await countArchivedClusters()).toBe(1);
    const read = await getRequestForViewer({ id: alice.id, roles: alice.roles, teamIds: alice.teamIds }, filed.id);
    expect(read?.cluster.name).toBe("orders-prod");
    const [event] = await audited("catalog.cluster.archive", orders!.arn);
    expect(event).toMatchObject({ actorLabel: "erin@example.com", accountId: "111111111111", region: "us-east-1" });
  });

  it("once archived takes no new requests, and takes them again when restored", async () => {
    const id = await clusterId(orders!.arn);
    const error = await refusal(createAccessRequest(alice, request(orders!.arn)));
    expect((error as ExpectedError).fieldErrors).toEqual({ clusterArn: ["This cluster is not in the catalog. Pick one from the list."] });

    await restoreCluster(erin, id);
    await restoreCluster(erin, id);
    expect((await listClusters()).map((c) => c.name)).toContain("orders-prod");
    expect(await audited("catalog.cluster.restore", orders!.arn)).toHaveLength(1);
    await expect(createAccessRequest(alice, request(orders!.arn))).resolves.toMatchObject({ status: "SUBMITTED" });
  });

  it("keeps its account registered, naming the cluster", async () => {
    const error = await refusal(removeAccount(erin, "111111111111"));
    expect((error as ExpectedError).message).toBe(
      "Requests refer to orders-prod in account 111111111111, so the account stays registered; archive those clusters to hide them.",
    );
    expect(await prisma.cluster.count({ where: { accountId: "111111111111" } })).toBe(2);
    expect(await prisma.awsAccount.count({ where: { id: "111111111111" } })).toBe(1);
  });
});

describe("a cluster no request names", () => {
  it("is removed, with an audit event, and the admin list shows its request count until then", async () => {
    const listed = await listClustersToManage();
    expect(listed.map((c) => [c.name, c._count.requests])).toEqual([
      ["analytics-dev", 0],
      ["orders-prod", 2],
    ]);
    await removeCluster(erin, await clusterId(analytics!.arn));
    expect(await prisma.cluster.count({ where: { arn: analytics!.arn } })).toBe(0);
    expect(await audited("catalog.cluster.remove", analytics!.arn)).toHaveLength(1);
    expect(await refusal(removeCluster(erin, "no-such-cluster"))).toMatchObject({ code: "not-found" });
  });

  it("goes with its account when the account is removed", async () => {
    const account = "555555555555";
    await prisma.awsAccount.create({ data: { id: account, name: "demo-leftover", kind: "CLUSTER_OWNER", roleArn: `arn:aws:iam::${account}:role/X`, regions: ["us-east-1"] } });
    const arn = `arn:aws:kafka:us-east-1:${account}:cluster/leftover/7d0c7a4e-1b2c-4d3e-9f40-000000000009-1`;
    await prisma.cluster.create({
      data: { ...orders!, arn, name: "leftover", accountId: account, discoveredAt: new Date() },
    });
    await removeAccount(erin, account);
    expect(await prisma.awsAccount.count({ where: { id: account } })).toBe(0);
    expect(await prisma.cluster.count({ where: { arn } })).toBe(0);
    expect(await audited("catalog.cluster.remove", arn)).toHaveLength(1);
    const [removed] = await prisma.auditEvent.findMany({ where: { action: "admin.account.remove", accountId: account } });
    expect(removed?.details).toEqual({ clustersRemoved: ["leftover"] });
  });
});
