import "server-only";

import { db } from "../client";

export async function listAccounts() {
  return db().awsAccount.findMany({ orderBy: { id: "asc" }, include: { _count: { select: { clusters: true } } } });
}

export async function listClusters() {
  return db().cluster.findMany({ orderBy: [{ accountId: "asc" }, { region: "asc" }, { name: "asc" }], include: { account: { select: { name: true } } } });
}

export type CatalogCluster = Awaited<ReturnType<typeof listClusters>>[number];
