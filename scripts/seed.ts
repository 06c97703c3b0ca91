import { createPrismaClient } from "@/lib/db/prisma-factory";
import { seedDatabase } from "@/prisma/seed/seed-database";

import { requireDatabaseUrl } from "./lib/require-database-url";

const prisma = createPrismaClient(requireDatabaseUrl(), 2);
seedDatabase(prisma)
  .then(() => console.log("demo data seeded"))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
