import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "./generated/client";

// Scripts and tests build their own client for the database they were handed; the app uses lib/db/client.
export function createPrismaClient(databaseUrl: string, poolSize = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
}

export type { PrismaClient };
