import { PORTAL_KEYS, startSandboxAccess, type SandboxAccess } from "@/lib/aws/testing/sandbox-access";
import type { SandboxTopology } from "@/lib/sandbox";
import { transitionRequest } from "@/lib/db/requests/transition-request";
import type { PrismaClient } from "@/lib/db/prisma-factory";
import { startSeededTestDatabase } from "@/lib/db/testing/seeded-test-database";
import type { LifecycleAction } from "@/lib/domain/lifecycle";
import type { AuthMode, ClientLocation, RequestInput } from "@/lib/domain/request-input";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

import type { RunnerLimits } from "../backoff";
import { platformRunnerDeps } from "../platform-runner-deps";
import { fileRequest } from "../plan-requests";
import { runRequest } from "../run-request";
import type { RunnerDeps } from "../runner-deps";

export const FAST_LIMITS: RunnerLimits = { maxRetries: 12, baseDelayMs: 5, maxDelayMs: 60, waitDeadlineMs: 60_000, pollMs: 5, settleWindowMs: 2_000 };

// A seeded database and a sandbox AWS wired together the way `npm run dev` wires them: the portal's
// configuration points its SDK clients at the sandbox.
export async function startProvisioningHarness(options: { topology?: SandboxTopology } = {}) {
  const env: SandboxAccess = await startSandboxAccess(options);
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: env.sandbox.url,
    AWS_ACCESS_KEY_ID: PORTAL_KEYS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: PORTAL_KEYS.secretAccessKey,
    AWS_REGION: "us-east-1",
  });
  const database = await startSeededTestDatabase();
  const prisma: PrismaClient = database.prisma;
  const users = await prisma.user.findMany({ include: { memberships: true } });
  const people = new Map(users.map((u) => [u.email.split("@")[0] ?? u.email, { id: u.id, email: u.email, roles: u.roles, teamIds: u.memberships.map((m) => m.teamId) }]));
  const person = (name: string) => {
    const p = people.get(name);
    if (!p) throw new Error(`no demo user ${name}`);
    return p;
  };
  const deps = (limits: Partial<RunnerLimits> = {}): Promise<RunnerDeps> => platformRunnerDeps({ ...FAST_LIMITS, ...limits }, () => undefined);

  return {
    env,
    prisma,
    person,
    deps,
    file: (name: string, client: ClientLocation, options: { authModes?: AuthMode[]; cluster?: string } = {}) =>
      fileRequest(
        person(name),
        {
          clusterArn: options.cluster ?? DEMO_CLUSTERS[0]?.arn ?? "",
          client,
          authModes: options.authModes ?? ["iam"],
          environment: "dev",
          justification: "Provisioning test of the whole connection",
        },
        // These tests file the same client again and again on purpose (shared peerings, retries): never a mistake.
        { via: "api", fileAnyway: true },
      ),
    /** Files with any other fields of the request input (topic access, a preferred method, …). */
    fileWith: (name: string, client: ClientLocation, extra: Partial<RequestInput>) =>
      fileRequest(
        person(name),
        {
          clusterArn: DEMO_CLUSTERS[0]?.arn ?? "",
          client,
          authModes: ["iam"],
          environment: "dev",
          justification: "Provisioning test of the whole connection",
          ...extra,
        },
        // These tests file the same client again and again on purpose (shared peerings, retries): never a mistake.
        { via: "api", fileAnyway: true },
      ),
    act: (name: string, requestId: string, action: LifecycleAction, comment?: string) => {
      const p = person(name);
      return transitionRequest({
        requestId,
        action,
        actor: { kind: "user", userId: p.id, roles: p.roles, teamIds: p.teamIds },
        auditActor: { kind: "user", userId: p.id, label: p.email },
        comment,
      });
    },
    run: async (requestId: string, limits: Partial<RunnerLimits> = {}) => runRequest(requestId, await deps(limits)),
    status: async (requestId: string) => (await prisma.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).status,
    close: async () => {
      await database.drop();
      await env.close();
    },
  };
}

export type ProvisioningHarness = Awaited<ReturnType<typeof startProvisioningHarness>>;
