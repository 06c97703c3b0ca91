import "server-only";

import { config } from "@/lib/config";

import { createPrismaClient, type PrismaClient } from "./prisma-factory";

// One client per process: Next's dev server re-evaluates modules on every change, so the instance lives on
// globalThis or each reload would open a new pool.
const globalForPrisma = globalThis as unknown as { portalPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.portalPrisma) {
    const url = config().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm run dev`, which provides a database");
    globalForPrisma.portalPrisma = createPrismaClient(url);
  }
  return globalForPrisma.portalPrisma;
}
