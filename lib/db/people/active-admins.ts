import type { Prisma } from "../generated/client";

/**
 * The active administrators, locked until the transaction ends: two administrators demoting each other at the
 * same moment are serialized, so the second sees the first's change and the last-admin rule holds.
 */
export async function lockActiveAdminIds(tx: Prisma.TransactionClient): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE 'admin'::"Role" = ANY(roles) AND "deactivatedAt" IS NULL ORDER BY id FOR UPDATE`;
  return rows.map((r) => r.id);
}
