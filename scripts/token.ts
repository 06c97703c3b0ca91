import { createPrismaClient } from "@/lib/db/prisma-factory";
import { createToken } from "@/lib/db/tokens/create-token";

import { requireDatabaseUrl } from "./lib/require-database-url";

// `npm run token -- <email> [name]`: an API token for a user, for bootstrapping automation before anyone has
// signed in to the web UI. Printed once; only its hash is stored.
async function main() {
  const [email, name = "cli"] = process.argv.slice(2);
  if (!email) throw new Error("usage: npm run token -- <email> [token name]");
  const prisma = createPrismaClient(requireDatabaseUrl(), 2);
  try {
    const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() } });
    if (!user) throw new Error(`no user ${email}`);
    const { token } = await createToken(prisma, user, name, "command line");
    console.log(token);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
