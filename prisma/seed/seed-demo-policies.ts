import type { Prisma } from "@/lib/db/generated/client";
import { policyMatchSchema, policyOutcomeSchema } from "@/lib/domain/approval-policy";

import { DEMO_POLICIES } from "./demo-data";

/**
 * Adds the demo policies that no policy of the same name (live or deleted) stands for, after the existing
 * ones: an admin's edits, order and deletions stay. Returns how many were added.
 */
export async function seedDemoPolicies(tx: Prisma.TransactionClient, teamId: (slug: string) => string): Promise<number> {
  let added = 0;
  for (const demo of DEMO_POLICIES) {
    const existing = await tx.approvalPolicyVersion.findFirst({ where: { name: demo.name }, select: { policyId: true } });
    if (existing) continue;
    const outcome = policyOutcomeSchema.parse(
      demo.outcome.kind === "approvals" ? { ...demo.outcome, fromTeam: teamId(demo.outcome.fromTeamSlug), fromTeamSlug: undefined } : demo.outcome,
    );
    const last = await tx.approvalPolicy.aggregate({ where: { isDefault: false }, _max: { position: true } });
    await tx.approvalPolicy.create({
      data: {
        position: (last._max.position ?? 0) + 1,
        versions: { create: { version: 1, name: demo.name, match: policyMatchSchema.parse(demo.match), outcome, createdBy: "seed" } },
      },
    });
    added++;
  }
  return added;
}
