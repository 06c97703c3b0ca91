import { createPrismaClient } from "@/lib/db/prisma-factory";
import { DEMO_FLAG, seedDemoData } from "@/prisma/seed/seed-demo-data";

import { requireDatabaseUrl } from "./lib/require-database-url";

// `npm run db:seed -- --demo`: the demo data into DATABASE_URL, which is always a database somebody configured.
const unknown = process.argv.slice(2).filter((arg) => arg !== DEMO_FLAG);
if (unknown.length) {
  console.error(`Unknown argument(s) ${unknown.join(" ")}; the only one is ${DEMO_FLAG}.`);
  process.exit(1);
}

const prisma = createPrismaClient(requireDatabaseUrl(), 2);
seedDemoData(prisma, { database: "configured", demo: process.argv.includes(DEMO_FLAG) })
  .then((outcome) => {
    (outcome.seeded ? console.log : console.error)(outcome.message);
    if (!outcome.seeded && outcome.refused) process.exitCode = 1;
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
