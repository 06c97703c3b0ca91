import "server-only";

import { db } from "../client";

export async function listAccounts() {
  return db().awsAccount.findMany({
    orderBy: { id: "asc" },
    include: { _count: { select: { clusters: true } }, teams: { include: { team: { select: { id: true, name: true } } } } },
  });
}

/** The catalog as requesters see it; archived clusters only when asked for (`archived: true` lists just those). */
export async function listClusters(options: { archived?: boolean } = {}) {
  return db().cluster.findMany({
    where: { archivedAt: options.archived ? { not: null } : null },
    orderBy: [{ accountId: "asc" }, { region: "asc" }, { name: "asc" }],
    include: { account: { select: { name: true } } },
  });
}

export async function countArchivedClusters() {
  return db().cluster.count({ where: { archivedAt: { not: null } } });
}

/** Every cluster, archived or not, with how many requests name it: what an admin may archive or remove. */
export async function listClustersToManage() {
  return db().cluster.findMany({
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { accountId: "asc" }, { name: "asc" }],
    select: { id: true, name: true, arn: true, accountId: true, region: true, state: true, archivedAt: true, ownerTeamId: true, _count: { select: { requests: true } } },
  });
}

export type CatalogCluster = Awaited<ReturnType<typeof listClusters>>[number];

export async function listTeams() {
  return db().team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** The registered accounts a requester may file for: those of their teams, with the teams and Regions. */
export async function listClientAccounts(teamIds: readonly string[]) {
  const accounts = await db().awsAccount.findMany({
    where: { teams: { some: { teamId: { in: [...teamIds] } } } },
    orderBy: { id: "asc" },
    select: { id: true, name: true, regions: true, teams: { where: { teamId: { in: [...teamIds] } }, select: { teamId: true } } },
  });
  return accounts.map((a) => ({ id: a.id, name: a.name, regions: a.regions, teamIds: a.teams.map((t) => t.teamId) }));
}
