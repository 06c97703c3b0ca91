import "server-only";

import { kitKindOf, testAccountAccess, type AccessReport } from "@/lib/aws/iam";
import { db } from "@/lib/db/client";
import { ExpectedError } from "@/lib/errors/expected-error";

import { portalAwsAccess } from "./portal-aws-access";

/** "Test access" for one registered account, in its first Region; changes nothing in AWS or here. */
export async function accountAccessReport(accountId: string): Promise<AccessReport> {
  const prisma = db();
  const account = await prisma.awsAccount.findUnique({ where: { id: accountId } });
  if (!account) throw new ExpectedError("not-found", `Account ${accountId} is not registered.`);
  const kind = kitKindOf(account.kind);
  const region = account.regions[0];
  if (!kind) throw new ExpectedError("bad-request", "A SaaS provider's account has no portal role to test.");
  if (!region) throw new ExpectedError("bad-request", "Register at least one Region for the account first.");
  return testAccountAccess(await portalAwsAccess(prisma), { id: account.id, kind, region });
}
