import { db } from "@/lib/db/client";

import type { RunnerLimits } from "./backoff";
import { loadPlatformSettings } from "./platform-settings";
import { portalAwsAccess } from "./portal-aws-access";
import type { RunnerDeps } from "./runner-deps";

export async function platformRunnerDeps(limits: RunnerLimits, log: (line: string) => void): Promise<RunnerDeps> {
  const prisma = db();
  const [access, settings] = await Promise.all([portalAwsAccess(prisma), loadPlatformSettings(prisma)]);
  return { access, tagKeys: settings.tagKeys, limits, log };
}
