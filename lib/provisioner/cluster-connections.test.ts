import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CLUSTER_CONNECTIONS_CSV_HEADER, clusterConnectionCsvLine } from "@/lib/domain/catalog/cluster-connections";
import type { ClientLocation } from "@/lib/domain/request-input";
import { listClusterConnections } from "@/lib/db/catalog/list-cluster-connections";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

import { portalAwsAccess } from "./portal-aws-access";
import { readClusterAccess } from "./read-cluster-access";
import { startProvisioningHarness, type ProvisioningHarness } from "./testing/provisioning-harness";

let h: ProvisioningHarness;
beforeAll(async () => {
  h = await startProvisioningHarness();
});
afterAll(() => h?.close());

const CROSS_ACCOUNT: ClientLocation = { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] };

describe("who can reach a cluster, as the portal made it", () => {
  it("lists active and in-progress connections with their ports and since when, and leaves out what changed nothing in AWS", async () => {
    const cluster = await h.prisma.cluster.findFirstOrThrow({ where: { arn: DEMO_CLUSTERS[0]?.arn ?? "" } });
    const active = await h.file("alice", CROSS_ACCOUNT);
    await h.act("bob", active.id, "approve");
    await h.run(active.id);
    expect(await h.status(active.id)).toBe("ACTIVE");
    const waiting = await h.file("alice", CROSS_ACCOUNT);

    const { connections, total } = await listClusterConnections(cluster.id);
    expect(total).toBe(connections.length);
    // A page holds at most 50; past the last there is none.
    expect((await listClusterConnections(cluster.id, 1)).connections.map((c) => c.id)).toEqual(connections.slice(0, 50).map((c) => c.id));
    expect(await listClusterConnections(cluster.id, 1000)).toEqual({ connections: [], total });
    const mine = connections.find((c) => c.id === active.id);
    expect(connections.map((c) => c.id)).not.toContain(waiting.id);
    expect(mine).toMatchObject({ number: active.number, status: "ACTIVE", scenario: "cross-account", method: "vpc-peering", team: "Payments", requester: "alice@example.com", drifted: false });
    expect(mine?.ports).toEqual([9098]);
    const activation = await h.prisma.auditEvent.findFirstOrThrow({ where: { requestId: active.id, action: "request.activate" } });
    expect(mine?.activeSince).toEqual(activation.at);

    // The export has a line per connection, the client in its own columns.
    const line = mine ? clusterConnectionCsvLine(mine) : "";
    expect(CLUSTER_CONNECTIONS_CSV_HEADER).toMatch(/^request_number,status,scenario,method,environment,team,requester,client_type,client_account,client_region,client_vpc,/);
    expect(line).toBe(
      `${active.number},ACTIVE,cross-account,vpc-peering,dev,Payments,alice@example.com,aws-vpc,222222222222,us-east-1,vpc-0bbb0000000000001,,iam,9098,${activation.at.toISOString()},,no\r\n`,
    );

    // In AWS: the peering, the route back to the client and the broker rule are this request's; the rules the
    // cluster came with are not the portal's.
    const reading = await readClusterAccess(await portalAwsAccess(h.prisma), cluster.arn);
    if (!reading.ok) throw new Error(reading.error);
    // One route per broker route table, one rule per port and source.
    const ours = new Set(reading.items.filter((i) => i.madeBy.includes(active.number)).map((i) => i.kind));
    expect([...ours].sort()).toEqual(["peering", "route", "sg-rule"]);
    const peering = reading.items.find((i) => i.kind === "peering" && i.madeBy.includes(active.number));
    expect(peering?.summary).toMatch(/^pcx-\w+ \(active\) to vpc-0bbb0000000000001 in 222222222222, us-east-1$/);

    // Decommissioned, nothing of it is left to mark.
    await h.act("alice", active.id, "decommission", "Report retired");
    await h.run(active.id);
    const after = await readClusterAccess(await portalAwsAccess(h.prisma), cluster.arn);
    if (!after.ok) throw new Error(after.error);
    expect(after.items.filter((i) => i.madeBy.includes(active.number))).toEqual([]);
    expect(after.items.some((i) => i.id === peering?.id)).toBe(false);
  });
});
