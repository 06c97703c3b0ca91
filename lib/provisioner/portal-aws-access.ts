import { AccountNotRegisteredError, createAwsAccess, type AwsAccess } from "@/lib/aws";
import { config } from "@/lib/config";
import type { PrismaClient } from "@/lib/db/prisma-factory";

type AccountRoles = Map<string, { roleArn: string; externalId: string | null }>;

let cached: { access: AwsAccess; key: string } | undefined;

// One set of SDK clients for the process, acting in each registered account through the role registered for
// it, and in no other account: one an admin removed is never assumed again. Rebuilt when the registered
// accounts change. Read on every use (a small table), so a removal reaches the very next plan or step in
// every process, web and worker alike.
export async function portalAwsAccess(prisma: PrismaClient): Promise<AwsAccess> {
  const accounts = await prisma.awsAccount.findMany({ select: { id: true, roleArn: true, externalId: true }, orderBy: { id: "asc" } });
  const key = JSON.stringify(accounts);
  if (cached && cached.key === key) return cached.access;
  const roles: AccountRoles = new Map(accounts.map((a) => [a.id, { roleArn: a.roleArn, externalId: a.externalId }]));
  const env = config();
  cached?.access.destroy();
  const access = createAwsAccess({
    endpoint: env.AWS_ENDPOINT_URL,
    homeRegion: env.AWS_REGION,
    roleNameOrArn: (accountId) => {
      const role = roles.get(accountId);
      if (!role) throw new AccountNotRegisteredError(accountId);
      return role.roleArn;
    },
    externalId: (accountId) => roles.get(accountId)?.externalId ?? undefined,
    sessionName: "msk-connectivity-portal",
  });
  cached = { access, key };
  return access;
}
