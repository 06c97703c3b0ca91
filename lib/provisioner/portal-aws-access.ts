import { createAwsAccess, type AwsAccess } from "@/lib/aws";
import { config } from "@/lib/config";
import type { PrismaClient } from "@/lib/db/prisma-factory";

type AccountRoles = Map<string, { roleArn: string; externalId: string | null }>;

const REFRESH_MS = 60_000;
let cached: { access: AwsAccess; loadedAt: number; key: string } | undefined;

// One set of SDK clients for the process, acting in each registered account through the role registered for
// it. Rebuilt when the registered accounts change, so an admin's change reaches the next plan or step.
export async function portalAwsAccess(prisma: PrismaClient): Promise<AwsAccess> {
  if (cached && Date.now() - cached.loadedAt < REFRESH_MS) return cached.access;
  const accounts = await prisma.awsAccount.findMany({ select: { id: true, roleArn: true, externalId: true } });
  const key = JSON.stringify(accounts);
  if (cached && cached.key === key) {
    cached.loadedAt = Date.now();
    return cached.access;
  }
  const roles: AccountRoles = new Map(accounts.map((a) => [a.id, { roleArn: a.roleArn, externalId: a.externalId }]));
  const env = config();
  cached?.access.destroy();
  const access = createAwsAccess({
    endpoint: env.AWS_ENDPOINT_URL,
    homeRegion: env.AWS_REGION,
    roleNameOrArn: (accountId) => roles.get(accountId)?.roleArn ?? env.PORTAL_ROLE_NAME,
    externalId: (accountId) => roles.get(accountId)?.externalId ?? env.PORTAL_EXTERNAL_ID,
    sessionName: "msk-connectivity-portal",
  });
  cached = { access, loadedAt: Date.now(), key };
  return access;
}
