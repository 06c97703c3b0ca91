import { describeAwsError, discoverClusterFacts, type AwsAccess } from "@/lib/aws";
import { liveClaimsOn } from "@/lib/db/catalog/live-claims";
import { existingAccess, type AccessItem } from "@/lib/domain/catalog/existing-access";

export type ClusterAccessReading = { ok: true; items: AccessItem[]; readAt: string } | { ok: false; error: string };

/**
 * The access to a cluster that exists in AWS now (the same batched describe calls as planning), each item with
 * the requests whose claims account for it. Read on every view and refresh: it is the truth as of `readAt`.
 */
export async function readClusterAccess(access: AwsAccess, clusterArn: string): Promise<ClusterAccessReading> {
  try {
    const facts = await discoverClusterFacts(access, clusterArn);
    const ids = existingAccess(facts, []).map((item) => item.id);
    return { ok: true, items: existingAccess(facts, await liveClaimsOn(ids)), readAt: new Date().toISOString() };
  } catch (error) {
    const info = describeAwsError(error);
    return { ok: false, error: `${info.message} (${info.code})` };
  }
}
