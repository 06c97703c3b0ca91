import type { PrismaClient } from "@/lib/db/prisma-factory";

/** What the approval-policy rows of the authorization matrix act on. */
export const APPROVAL_SETUPS = ["policy", "freeze"] as const;
export type ApprovalSetup = (typeof APPROVAL_SETUPS)[number];

export const isApprovalSetup = (setup: string): setup is ApprovalSetup => (APPROVAL_SETUPS as readonly string[]).includes(setup);

// A policy nothing the matrix files matches (a scenario it never uses), and a freeze far in the future, so
// neither changes what the other rows see.
export async function prepareApprovalFixture(prisma: PrismaClient, setup: ApprovalSetup): Promise<string> {
  if (setup === "freeze") {
    const freeze = await prisma.changeFreeze.create({
      data: { startsAt: new Date("2099-12-24T00:00:00Z"), endsAt: new Date("2099-12-27T00:00:00Z"), reason: "Matrix freeze", createdBy: "matrix" },
    });
    return freeze.id;
  }
  const last = await prisma.approvalPolicy.aggregate({ where: { isDefault: false }, _max: { position: true } });
  const policy = await prisma.approvalPolicy.create({
    data: {
      position: (last._max.position ?? 0) + 1,
      versions: { create: { version: 1, name: `Matrix policy ${Date.now()}`, match: { scenarios: ["saas"] }, outcome: { kind: "approvals", count: 1 }, createdBy: "matrix" } },
    },
  });
  return policy.id;
}
