import { UpdateConnectivityCommand } from "@aws-sdk/client-kafka";
import { z } from "zod";
import { schemeUsers } from "@/lib/domain/client-vpc-connections";
import { listClientVpcConnections } from "../discovery/client-vpc-connections";
import type { StepContext, StepExecutor, StepRecord } from "./step-executor";
import { callLog } from "./support/call-log";
import { hasCode, isVersionConflict, StepConflictError, StepNotReadyError } from "./support/errors";
import { operationFailed, readOperation } from "./support/msk-operation";
import { CLAIM, addCreated, underClaim, createdOfType, done, resource, startProgress, waiting, markReused, hasCreated, type Progress } from "./support/progress";
import { connectivityInfo, describeCluster, multiVpcOf, SCHEMES, type Scheme, type SchemeFlags } from "./support/msk-cluster";
import { parseInput } from "./support/step-input";

const TYPE = "msk-multi-vpc-connectivity";
const enabled = z.object({ Enabled: z.boolean().optional() }).optional();
const inputSchema = z.object({
  ClusterArn: z.string(),
  ConnectivityInfo: z.object({
    VpcConnectivity: z.object({
      ClientAuthentication: z.object({
        Sasl: z.object({ Iam: enabled, Scram: enabled }).optional(),
        Tls: enabled,
      }),
    }),
  }),
});

function wantedSchemes(ctx: StepContext): { arn: string; wanted: Scheme[] } {
  const input = parseInput(ctx.step, inputSchema);
  const auth = input.ConnectivityInfo.VpcConnectivity.ClientAuthentication;
  const flags: SchemeFlags = { iam: auth.Sasl?.Iam?.Enabled === true, scram: auth.Sasl?.Scram?.Enabled === true, tls: auth.Tls?.Enabled === true };
  return { arn: input.ClusterArn, wanted: SCHEMES.filter((s) => flags[s]) };
}

const schemeId = (arn: string, scheme: Scheme) => `${arn}#${scheme}`;

/**
 * Turns schemes on, never off: the plan's ConnectivityInfo was computed from older facts, so schemes someone
 * enabled since are kept. CurrentVersion is read now, not taken from the plan. Waits while the cluster is
 * UPDATING (30 minutes and more in AWS), then reads how its operation ended: a failed one fails the step
 * with MSK's reason rather than being issued again.
 */
async function execute(ctx: StepContext) {
  const { arn, wanted } = wantedSchemes(ctx);
  const progress = startProgress(ctx);
  const kafka = ctx.access.kafka(ctx.step.account, ctx.step.region);
  const claimed = (progress.outputs[CLAIM] ?? "").split(",").filter(Boolean);

  const cluster = await describeCluster(kafka, progress.log, arn);
  const name = cluster.ClusterName ?? arn;
  if (cluster.State !== "ACTIVE") return waiting(progress, `cluster ${name} is ${cluster.State ?? "not ACTIVE"}`);
  const now = multiVpcOf(cluster);
  const missing = wanted.filter((s) => !now[s]);
  const operationArn = progress.outputs.ClusterOperationArn;
  if (operationArn) {
    // This step's update ran: its outcome, not the connectivity alone, says whether to go on.
    const outcome = await readOperation(kafka, progress.log, operationArn);
    if (outcome.state === "running") return waiting(progress, `MSK operation on ${name} is still running`);
    if (outcome.state === "failed") {
      // Kept aside, so that only a person's retry of the request, which runs this step afresh, updates again.
      delete progress.outputs.ClusterOperationArn;
      progress.outputs.FailedOperationArn = operationArn;
      await progress.save();
      throw operationFailed(name, operationArn, outcome.message);
    }
    if (missing.length > 0) {
      throw new StepConflictError(
        "MultiVpcConnectivityTurnedOff",
        `MSK finished this step's update of ${name}, yet multi-VPC connectivity is off again for ${missing.join(", ")}: someone changed it since; the portal does not start another rolling update by itself`,
      );
    }
  }
  for (const s of wanted.filter((w) => now[w] && !claimed.includes(w) && !hasCreated(progress.created, TYPE, schemeId(arn, w)))) {
    markReused(progress, schemeId(arn, s));
  }
  if (missing.length === 0) {
    // A crash after UpdateConnectivity lost its answer; the claim says those schemes were this step's.
    for (const s of claimed) if (SCHEMES.includes(s as Scheme)) addCreated(progress, resource(ctx, TYPE, schemeId(arn, s as Scheme)));
    delete progress.outputs[CLAIM];
    return done(progress);
  }
  const after: SchemeFlags = { ...now };
  for (const s of missing) after[s] = true;
  const out = await underClaim(progress, missing.join(","), () =>
    progress.log.run(
      kafka.send(new UpdateConnectivityCommand({ ClusterArn: arn, CurrentVersion: cluster.CurrentVersion, ConnectivityInfo: connectivityInfo(after) })),
    ),
  ).catch((error: unknown) => afterVersionConflict(ctx, progress, arn, missing, error));
  if (out === "updating") return waiting(progress, `cluster ${cluster.ClusterName ?? arn} changed while this step called; an update is under way`);
  for (const s of missing) addCreated(progress, resource(ctx, TYPE, schemeId(arn, s)));
  delete progress.outputs[CLAIM];
  if (out.ClusterOperationArn) progress.outputs.ClusterOperationArn = out.ClusterOperationArn;
  await progress.save();
  return waiting(progress, `cluster ${cluster.ClusterName ?? arn} is updating its brokers for ${missing.join(", ")}`);
}

/**
 * A refusal naming the version, or the cluster UPDATING, means it changed since it was read: possibly by this
 * very call, delivered twice by an SDK retry after its answer was lost. Re-read: an update under way is waited
 * for, and what it turns on is not claimed (it may be someone else's); the schemes on means done; anything
 * else is read again and retried with the new version.
 */
async function afterVersionConflict(ctx: StepContext, progress: Progress, arn: string, missing: Scheme[], error: unknown) {
  if (!hasCode(error, "BadRequestException")) throw error;
  const again = await describeCluster(ctx.access.kafka(ctx.step.account, ctx.step.region), progress.log, arn);
  if (again.State !== "ACTIVE") return "updating" as const;
  if (!isVersionConflict(error)) throw error;
  const now = multiVpcOf(again);
  if (missing.every((s) => now[s])) return { ClusterOperationArn: undefined };
  throw new StepNotReadyError(`Cluster ${again.ClusterName ?? arn} changed version while this step called; reading it again`);
}

export const enableMultiVpcConnectivity: StepExecutor = {
  execute,

  async verify(ctx) {
    const { arn, wanted } = wantedSchemes(ctx);
    const cluster = await describeCluster(ctx.access.kafka(ctx.step.account, ctx.step.region), callLog(), arn);
    // While UPDATING the connectivity shown is the old one; it cannot be confirmed.
    if (cluster.State !== "ACTIVE") return { ok: false, problem: `Cluster ${cluster.ClusterName ?? arn} is ${cluster.State ?? "not ACTIVE"}` };
    const now = multiVpcOf(cluster);
    const off = wanted.filter((s) => !now[s]);
    return off.length === 0 ? { ok: true } : { ok: false, problem: `Multi-VPC connectivity is off for ${off.join(", ")}` };
  },

  undo,
};

/**
 * Turns off only the schemes this step turned on, keeping the rest as the cluster has them now. A scheme that
 * client VPC connections still use stays on: turning it off would make them INACTIVE, cutting off clients this
 * request does not own (this request's own connections were deleted by the steps undone before this one).
 */
async function undo(ctx: StepContext, record: StepRecord): Promise<{ requestIds: string[]; kept?: string }> {
  const { arn } = wantedSchemes(ctx);
  const log = callLog();
  const ours = createdOfType(record, TYPE)
    .map((c) => c.id.slice(c.id.lastIndexOf("#") + 1))
    .filter((s): s is Scheme => SCHEMES.includes(s as Scheme));
  if (ours.length === 0) return { requestIds: [] };
  const kafka = ctx.access.kafka(ctx.step.account, ctx.step.region);
  const cluster = await describeCluster(kafka, log, arn);
  // AWS refuses a change while the cluster is UPDATING; the runner retries this error with backoff.
  if (cluster.State !== "ACTIVE") throw new StepNotReadyError(`Cluster ${cluster.ClusterName ?? arn} is ${cluster.State ?? "not ACTIVE"}`);
  const now = multiVpcOf(cluster);
  const on = ours.filter((s) => now[s]);
  if (on.length === 0) return { requestIds: log.ids };
  const users = schemeUsers(await listClientVpcConnections(ctx.access, { arn, accountId: ctx.step.account, region: ctx.step.region }, (c) => log.run(c)), on);
  const kept = users.size > 0 ? keptNote(users) : undefined;
  const off = on.filter((s) => !users.has(s));
  if (off.length === 0) return { requestIds: log.ids, kept };
  const after: SchemeFlags = { ...now };
  for (const s of off) after[s] = false;
  await log.run(kafka.send(new UpdateConnectivityCommand({ ClusterArn: arn, CurrentVersion: cluster.CurrentVersion, ConnectivityInfo: connectivityInfo(after) })));
  // Undone only once MSK has finished the rolling update: until then the brokers still take multi-VPC
  // clients, and a request shown as removed would not be. The runner calls again while this says not ready,
  // and the next call finds the cluster UPDATING, then ACTIVE with the schemes off (and the kept ones on).
  await ctx.record({ ...record, requestIds: [...record.requestIds, ...log.ids] });
  throw new StepNotReadyError(`Cluster ${cluster.ClusterName ?? arn} is updating its brokers to turn off ${off.join(", ")}`);
}

const SCHEME_LABEL: Record<Scheme, string> = { iam: "IAM", scram: "SASL/SCRAM", tls: "TLS" };

/** Read after "Kept:" on the step: which scheme stays on, and whose connections hold it. */
function keptNote(users: Map<Scheme, string[]>): string {
  return [...users].map(([scheme, accounts]) => `${SCHEME_LABEL[scheme]} used by connections from accounts ${accounts.join(", ")}`).join("; ");
}
