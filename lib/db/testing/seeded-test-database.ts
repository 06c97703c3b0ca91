import { createPrismaClient, type PrismaClient } from "../prisma-factory";
import { createTestDatabase } from "../test-database";
import { seedDatabase } from "@/prisma/seed/seed-database";

// A fresh, migrated and seeded database for one test file, made the app's database through DATABASE_URL
// before anything reads the configuration (Vitest gives each file its own module state).
export async function startSeededTestDatabase(): Promise<{ prisma: PrismaClient; drop(): Promise<void> }> {
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.url;
  const prisma = createPrismaClient(database.url, 4);
  await seedDatabase(prisma);
  return {
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      const appClient = (globalThis as { portalPrisma?: PrismaClient }).portalPrisma;
      await appClient?.$disconnect();
      await database.drop();
    },
  };
}
