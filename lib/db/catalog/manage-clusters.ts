import "server-only";

import { ExpectedError } from "@/lib/errors/expected-error";

import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { db } from "../client";
import type { Prisma } from "../generated/client";

type Tx = Prisma.TransactionClient;

// Archiving hides a cluster from the catalog and the request form while every request that names it stays
// readable; removing deletes the row, so it is only for a cluster no request names. A removed cluster that
// is still in AWS comes back at the next catalog refresh: removing its account is what stops that.

export async function archiveCluster(actor: AuditActor, clusterId: string) {
  await setArchived(actor, clusterId, new Date());
}

export async function restoreCluster(actor: AuditActor, clusterId: string) {
  await setArchived(actor, clusterId, null);
}

export async function removeCluster(actor: AuditActor, clusterId: string) {
  await db().$transaction(async (tx) => {
    const cluster = await lockCluster(tx, clusterId);
    const requests = await tx.accessRequest.count({ where: { clusterId } });
    if (requests > 0) {
      throw new ExpectedError("conflict", `${requests} request(s) refer to ${cluster.name}, so it stays in the catalog; archive it instead.`);
    }
    await deleteClusterRow(tx, actor, cluster);
  });
}

/** Deletes a cluster no request names, with its audit event; the caller has checked and holds the row. */
export async function deleteClusterRow(tx: Tx, actor: AuditActor, cluster: ClusterRow) {
  await tx.cluster.delete({ where: { id: cluster.id } });
  await recordAuditEvent(tx, { actor, action: "catalog.cluster.remove", ...where(cluster), details: { name: cluster.name, state: cluster.state } });
}

type ClusterRow = { id: string; arn: string; name: string; accountId: string; region: string; state: string; archivedAt: Date | null };

async function setArchived(actor: AuditActor, clusterId: string, archivedAt: Date | null) {
  await db().$transaction(async (tx) => {
    const cluster = await lockCluster(tx, clusterId);
    // Archiving twice would move the date and audit nothing new.
    if ((cluster.archivedAt === null) === (archivedAt === null)) return;
    await tx.cluster.update({ where: { id: clusterId }, data: { archivedAt } });
    await recordAuditEvent(tx, {
      actor,
      action: archivedAt ? "catalog.cluster.archive" : "catalog.cluster.restore",
      ...where(cluster),
      details: { name: cluster.name, state: cluster.state },
    });
  });
}

// FOR UPDATE: a request filed at the same moment waits for this transaction, so the count above is the truth.
async function lockCluster(tx: Tx, clusterId: string): Promise<ClusterRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Cluster" WHERE id = ${clusterId} FOR UPDATE`;
  const cluster = locked.length ? await tx.cluster.findUnique({ where: { id: clusterId } }) : null;
  if (!cluster) throw new ExpectedError("not-found", "That cluster is no longer in the catalog; reload the page.");
  return cluster;
}

const where = (c: ClusterRow) => ({ accountId: c.accountId, region: c.region, resourceIds: [c.arn] });
