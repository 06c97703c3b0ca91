import { listClusters } from "@/lib/aws";
import { asJson, asJsonObject } from "@/lib/db/as-json";
import { recordAuditEvent, type AuditActor } from "@/lib/db/audit/record-audit-event";
import { catalogFactsJson } from "@/lib/db/catalog/catalog-facts";
import { db } from "@/lib/db/client";

import { portalAwsAccess } from "./portal-aws-access";

export type CatalogRefresh = { found: number; missing: number; failures: { accountId: string; region: string; message: string }[] };

// Rebuilds the cluster catalog from ListClustersV2 in every registered cluster-owner account and Region. A
// cluster no longer listed where the listing worked is marked MISSING (requests keep pointing at it); an account
// or Region that could not be read leaves its clusters as they were and is reported. An archived cluster stays
// archived when AWS lists it again: archiving is an admin's decision, undone only by restoring it.
export async function refreshCatalog(actor: AuditActor): Promise<CatalogRefresh> {
  const prisma = db();
  const owners = await prisma.awsAccount.findMany({ where: { kind: "CLUSTER_OWNER" }, select: { id: true, regions: true } });
  const listing = await listClusters(await portalAwsAccess(prisma), owners.map((o) => ({ accountId: o.id, regions: o.regions })));
  const now = new Date();
  const failed = new Set(listing.failures.map((f) => `${f.accountId}/${f.region}`));
  const found = new Set(listing.clusters.map((c) => c.arn));

  const result = await prisma.$transaction(async (tx) => {
    for (const c of listing.clusters) {
      const data = {
        name: c.name,
        accountId: c.accountId,
        region: c.region,
        vpcId: c.vpcId,
        kafkaVersion: c.kafkaVersion,
        authModes: c.authModes,
        state: c.state,
        facts: asJson(catalogFactsJson({ instanceType: c.instanceType, bootstrap: c.bootstrap, source: "ListClustersV2" })),
        discoveredAt: now,
      };
      await tx.cluster.upsert({ where: { arn: c.arn }, create: { arn: c.arn, ...data }, update: data });
    }
    const stale = await tx.cluster.findMany({ where: { arn: { notIn: [...found] }, state: { not: "MISSING" } }, select: { id: true, accountId: true, region: true } });
    const missing = stale.filter((c) => !failed.has(`${c.accountId}/${c.region}`) && owners.some((o) => o.id === c.accountId && o.regions.includes(c.region)));
    await tx.cluster.updateMany({ where: { id: { in: missing.map((c) => c.id) } }, data: { state: "MISSING", discoveredAt: now } });
    const summary: CatalogRefresh = {
      found: listing.clusters.length,
      missing: missing.length,
      failures: listing.failures.map((f) => ({ accountId: f.accountId, region: f.region, message: f.error.message })),
    };
    await recordAuditEvent(tx, { actor, action: "catalog.refresh", details: asJsonObject(summary) });
    return summary;
  });
  return result;
}
