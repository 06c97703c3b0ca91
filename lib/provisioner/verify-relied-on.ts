import { describeAwsError } from "@/lib/aws";
import { RELIED_ON } from "@/lib/domain/drift-problems";
import { checkReliedOn, type Place, type ReliedOnContext } from "@/lib/aws/relied-on/check-relied-on";
import { db } from "@/lib/db/client";
import { storedClientLocation } from "@/lib/domain/client-location";
import type { TgwTableRelation } from "@/lib/domain/plan";

import { loadPlatformSettings } from "./platform-settings";

import type { RunnerDeps } from "./runner-deps";
import type { VerificationProblem } from "./verify-steps";

export { RELIED_ON } from "@/lib/domain/drift-problems";

// What the plan relies on without a step (a peering, a route, a rule, a TGW attachment and its route table links, a
// RAM share, a cluster's multi-VPC scheme or policy statement, made by another request or there before) is as much
// a part of the working path as the request's own steps; nothing else re-reads it.
export async function verifyReliedOn(requestId: string, deps: RunnerDeps): Promise<VerificationProblem[]> {
  const request = await db().accessRequest.findUnique({
    where: { id: requestId },
    select: { id: true, client: true, cluster: { select: { accountId: true, region: true } } },
  });
  if (!request) return [];
  const claims = await db().resourceClaim.findMany({
    where: { requestId, stepKey: null, releasedAt: null },
    select: { resource: true, accountId: true, region: true, relations: true },
    orderBy: { resource: "asc" },
  });
  // A claim says where its resource is; one made before places were recorded is looked for on either side.
  const client = storedClientLocation(request);
  const eitherSide: Place[] = [
    { account: request.cluster.accountId, region: request.cluster.region },
    ...(client?.type === "aws-vpc" ? [{ account: client.accountId, region: client.region }] : []),
  ];
  const settings = await loadPlatformSettings(db());
  const hubs = settings.transitHubs.map((hub) => ({ account: hub.accountId, region: hub.region }));
  const results = await Promise.all(
    claims.map(async (claim): Promise<VerificationProblem | null> => {
      const place = claim.accountId && claim.region ? [{ account: claim.accountId, region: claim.region }] : null;
      const ctx: ReliedOnContext = {
        places: place ?? eitherSide,
        hubs: place ?? hubs,
        tgwRelations: (claim.relations ?? []) as TgwTableRelation[],
        organization: settings.organization,
      };
      try {
        const check = await checkReliedOn(deps.access, claim.resource, ctx);
        return check?.problem ? { step: RELIED_ON, summary: check.summary, problem: check.problem } : null;
      } catch (error) {
        return { step: RELIED_ON, summary: claim.resource, problem: `could not be checked: ${describeAwsError(error).message}` };
      }
    }),
  );
  return results.filter((p): p is VerificationProblem => p !== null);
}
