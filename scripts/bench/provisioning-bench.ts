import { performance } from "node:perf_hooks";

import { createAwsAccess } from "@/lib/aws";
import { PORTAL_KEYS } from "@/lib/aws/testing/sandbox-access";
import type { PrismaClient } from "@/lib/db/prisma-factory";
import { transitionRequest } from "@/lib/db/requests/transition-request";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";
import { DEFAULT_LIMITS, type RunnerLimits } from "@/lib/provisioner/backoff";
import { fileRequest } from "@/lib/provisioner/plan-requests";
import { loadPlatformSettings } from "@/lib/provisioner/platform-settings";
import { runRequest } from "@/lib/provisioner/run-request";
import { startSandbox, type CallRecord } from "@/lib/sandbox";
import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

import { criticalPath, scaledMs, WAITING_KINDS } from "./critical-path";
import type { DemoPerson } from "./demo-people";
import { BENCH_SCENARIOS } from "./scenarios";

export type ProvisioningFigures = {
  scenario: string;
  requestId: string;
  status: string;
  steps: number;
  timeScale: number | null;
  /** The sandbox's imposed delays on the critical path, in real ms at timeScale. */
  criticalMs: number;
  /** From the approve call to ACTIVE. */
  elapsedMs: number;
  /** Spent inside the steps that wait for a transition (their delay, the runner's poll lag and their own calls). */
  waitingStepsMs: number;
  mutatingCalls: number;
  /** Reachability Analyzer's calls (paths, analyses, the temporary interface, ListNodes). */
  analysisCalls: number;
  totalCalls: number;
  /** "Operation ErrorCode" of each call AWS answered with an error. */
  failedCalls: string[];
};

const MUTATING =
  /^(Create|Accept|Reject|Modify|Authorize|Revoke|Delete|Associate|Disassociate|Enable|Disable|Put|Update|Replace)/;
// The proof after the steps (Reachability Analyzer from a temporary interface): counted apart from the steps' calls.
const PATH_ANALYSIS_CALL = /NetworkInsights|NetworkInterfaces?$|^ListNodes$/;

// The runner's clock runs at the sandbox's speed: with AWS's delays scaled by timeScale, its poll and backoff
// intervals are scaled the same way. Database work and call latency are not, so they weigh more than against AWS.
function scaledLimits(limits: RunnerLimits, timeScale: number): RunnerLimits {
  return {
    maxRetries: limits.maxRetries,
    baseDelayMs: limits.baseDelayMs * timeScale,
    maxDelayMs: limits.maxDelayMs * timeScale,
    waitDeadlineMs: limits.waitDeadlineMs * timeScale,
    pollMs: limits.pollMs * timeScale,
  };
}

/**
 * Files one request per scenario (planned against the portal's configured sandbox), then approves and runs it
 * against a fresh sandbox whose timeScale makes that scenario's critical-path delays about `targetMs`.
 */
export async function benchProvisioning(
  prisma: PrismaClient,
  person: (name: string) => DemoPerson,
  targetMs: number,
): Promise<ProvisioningFigures[]> {
  const requester = person("alice");
  const approver = person("bob");
  const settings = await loadPlatformSettings(prisma);
  const accounts = new Map((await prisma.awsAccount.findMany()).map((a) => [a.id, a]));

  const runScenario = async ({ scenario, client }: (typeof BENCH_SCENARIOS)[number]): Promise<ProvisioningFigures> => {
    const request = await fileRequest(
      requester,
      {
        clusterArn: DEMO_CLUSTERS[0]?.arn ?? "",
        client,
        authModes: ["iam"],
        environment: "dev",
        justification: "Benchmark of the whole connection",
      },
      // Scenarios may share a client with an earlier one (and every run files the same clients again).
      { via: "api", fileAnyway: true },
    );
    const row = await prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
    const plan = readStoredPlan(row)?.plan;
    const steps = plan?.steps ?? [];
    // Where the platform setting has AWS prove the path (the demo: every request it can), that wait is on the path too.
    const cluster = DEMO_CLUSTERS[0];
    const analysed =
      client.type === "aws-vpc" &&
      client.region === cluster?.region &&
      plan?.method !== "multi-vpc-private-connectivity" &&
      (settings.pathAnalysis === "all" || (settings.pathAnalysis === "same-account" && client.accountId === cluster?.accountId));
    const path = criticalPath(steps, analysed);
    const timeScale = path.awsMs > 0 ? targetMs / path.awsMs : null;

    const sandbox = await startSandbox({ port: 0, host: "127.0.0.1", timeScale: timeScale ?? 1 });
    const access = createAwsAccess({
      endpoint: sandbox.url,
      homeRegion: "us-east-1",
      roleNameOrArn: (id) => accounts.get(id)?.roleArn ?? "MskConnectivityPortal",
      externalId: (id) => accounts.get(id)?.externalId ?? undefined,
      baseCredentials: () => Promise.resolve(PORTAL_KEYS),
    });
    try {
      const limits = scaledLimits(DEFAULT_LIMITS, timeScale ?? 1);
      const started = performance.now();
      await transitionRequest({
        requestId: request.id,
        action: "approve",
        actor: { kind: "user", userId: approver.id, roles: approver.roles, teamIds: approver.teamIds },
        auditActor: { kind: "user", userId: approver.id, label: approver.email },
      });
      await runRequest(request.id, { access, tagKeys: settings.tagKeys, limits, log: (line) => console.log(`[runner] ${line}`) });
      const elapsedMs = performance.now() - started;
      const { status } = await prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id }, select: { status: true } });
      const rows = await prisma.planStep.findMany({
        where: { requestId: request.id },
        select: { kind: true, startedAt: true, finishedAt: true },
      });
      const waitingStepsMs = rows
        .filter((r) => WAITING_KINDS.has(r.kind))
        .reduce((sum, r) => sum + (r.finishedAt && r.startedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : 0), 0);
      const calls = (await (await fetch(`${sandbox.url}/_sandbox/calls`)).json()) as CallRecord[];
      return {
        scenario,
        requestId: request.id,
        status,
        steps: steps.length,
        timeScale,
        criticalMs: timeScale === null ? 0 : scaledMs(path, timeScale),
        elapsedMs,
        waitingStepsMs,
        mutatingCalls: calls.filter((c) => MUTATING.test(c.operation) && !PATH_ANALYSIS_CALL.test(c.operation)).length,
        analysisCalls: calls.filter((c) => PATH_ANALYSIS_CALL.test(c.operation)).length,
        totalCalls: calls.length,
        failedCalls: calls.filter((c) => c.status >= 400).map((c) => `${c.operation} ${c.errorCode ?? c.status}`),
      };
    } finally {
      access.destroy();
      await sandbox.close();
    }
  };

  // The first run pays for loading the SDK and the runner's code; it is not measured.
  const [warmUp] = BENCH_SCENARIOS;
  if (warmUp) await runScenario(warmUp);
  const figures: ProvisioningFigures[] = [];
  for (const s of BENCH_SCENARIOS) figures.push(await runScenario(s));
  return figures;
}
