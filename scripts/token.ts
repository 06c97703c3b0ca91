import { parseArgs } from "node:util";

import { createPrismaClient } from "@/lib/db/prisma-factory";
import { createToken } from "@/lib/db/tokens/create-token";
import { DEFAULT_TOKEN_LIFETIME_DAYS, TOKEN_LIFETIME_DAYS, TOKEN_SCOPES, type TokenLifetimeDays, type TokenScope } from "@/lib/domain/people/token-scope";

import { requireDatabaseUrl } from "./lib/require-database-url";

const USAGE = `usage: npm run token -- <email> [token name] [--scope ${TOKEN_SCOPES.join("|")}] [--days ${TOKEN_LIFETIME_DAYS.join("|")}]`;

const isScope = (value: string): value is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(value);
const isLifetime = (value: number): value is TokenLifetimeDays => (TOKEN_LIFETIME_DAYS as readonly number[]).includes(value);

// `npm run token -- <email> [name] [--scope read] [--days 30]`: an API token for a user, for bootstrapping
// automation before anyone has signed in to the web UI. Printed once; only its hash is stored.
async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { scope: { type: "string", default: "write" }, days: { type: "string", default: String(DEFAULT_TOKEN_LIFETIME_DAYS) } },
  });
  const [email, name = "cli"] = positionals;
  const days = Number(values.days);
  if (!email || !isScope(values.scope) || !isLifetime(days)) throw new Error(USAGE);
  const prisma = createPrismaClient(requireDatabaseUrl(), 2);
  try {
    const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() } });
    if (!user) throw new Error(`no user ${email}`);
    if (user.deactivatedAt) throw new Error(`${email} is deactivated`);
    const { token, expiresAt } = await createToken(prisma, user, name, { via: "command line", scope: values.scope, lifetimeDays: days });
    console.error(`${values.scope} token, expires ${expiresAt?.toISOString() ?? "never"}`);
    console.log(token);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
