import "server-only";

import { portalIdentity } from "@/lib/aws/portal-identity";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { unmigratedDatabaseProblem } from "@/lib/db/migrations/pending-migrations";
import { portalAwsAccess } from "@/lib/provisioner/portal-aws-access";
import { queueProblem } from "@/lib/provisioner/queue-stats";

import { cachedCheck } from "./cached-check";
import { shortReason, type PartStatus, type ReadinessChecks } from "./readiness";

export const AWS_CHECK_TTL_MS = 30_000;

const failed = (error: string): PartStatus => ({ ok: false, error });

async function databaseCheck(): Promise<PartStatus> {
  await db().$queryRaw`SELECT 1`;
  return { ok: true };
}

async function migrationsCheck(): Promise<PartStatus> {
  const url = config().DATABASE_URL;
  if (!url) return failed("DATABASE_URL is not set");
  const problem = await unmigratedDatabaseProblem(url);
  return problem ? failed(problem) : { ok: true };
}

async function queueCheck(): Promise<PartStatus> {
  const problem = await queueProblem(db());
  return problem ? failed(problem) : { ok: true };
}

// Without working credentials every discovery and plan fails, while everything else looks healthy.
async function awsCheck(): Promise<PartStatus> {
  try {
    // The identity itself (account, role) is not said: this endpoint answers anyone who can reach it.
    await portalIdentity(await portalAwsAccess(db()));
    return { ok: true };
  } catch (error) {
    return failed(`STS GetCallerIdentity failed: ${shortReason(error)}`);
  }
}

const globalForChecks = globalThis as unknown as { portalAwsCheck?: () => Promise<PartStatus> };

export function portalReadinessChecks(): ReadinessChecks {
  return {
    database: databaseCheck,
    migrations: migrationsCheck,
    queue: queueCheck,
    aws: (globalForChecks.portalAwsCheck ??= cachedCheck(awsCheck, AWS_CHECK_TTL_MS)),
  };
}
