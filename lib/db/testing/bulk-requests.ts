import { randomUUID } from "node:crypto";

import type { Prisma } from "../generated/client";
import type { PrismaClient } from "../prisma-factory";

export type BulkRequest = Partial<Omit<Prisma.AccessRequestCreateManyInput, "id">> & { id?: string };

/**
 * Requests written straight into the table for tests about reading them (lists, counts, query plans): the
 * statuses and times a test needs without filing and provisioning each one. Defaults are the seeded demo's.
 */
export async function insertRequests(prisma: PrismaClient, rows: BulkRequest[]): Promise<string[]> {
  const [cluster, team, requester] = await Promise.all([
    prisma.cluster.findFirstOrThrow({ orderBy: { name: "asc" } }),
    prisma.team.findUniqueOrThrow({ where: { slug: "payments" } }),
    prisma.user.findUniqueOrThrow({ where: { email: "alice@example.com" } }),
  ]);
  const data = rows.map((row) => ({
    id: randomUUID(),
    clusterId: cluster.id,
    teamId: team.id,
    requesterId: requester.id,
    client: { type: "aws-vpc", accountId: "222222222222", region: "us-east-1", vpcId: "vpc-0bbb0000000000001", securityGroupIds: ["sg-0bbb0000000000001"] },
    authModes: ["iam"],
    environment: "dev" as const,
    justification: "Test data for reading requests back",
    scenario: "cross_account" as const,
    method: "vpc_peering" as const,
    ...row,
  }));
  for (let i = 0; i < data.length; i += 5000) await prisma.accessRequest.createMany({ data: data.slice(i, i + 5000) });
  return data.map((d) => d.id);
}
