import { DeleteClusterPolicyCommand, PutClusterPolicyCommand } from "@aws-sdk/client-kafka";
import { z } from "zod";
import type { PolicyDocument, PolicyStatement } from "@/lib/domain/plan";
import type { StepContext, StepExecutor } from "./step-executor";
import { callLog } from "./support/call-log";
import { canonical, holds, parsePolicy, readPolicy } from "./support/cluster-policy";
import { CLAIM, addCreated, underClaim, createdOfType, done, resource, startProgress, markReused, hasCreated } from "./support/progress";
import { isVersionConflict, StepNotReadyError } from "./support/errors";
import { parseInput } from "./support/step-input";

const TYPE = "msk-cluster-policy-statement";
const inputSchema = z.object({ ClusterArn: z.string(), Policy: z.string() });

/**
 * The statements this step adds: the planned policy minus what the cluster's policy held at plan time (the
 * undo input carries that older policy; without one the cluster had none). Ours all have a Sid.
 */
function ourStatements(ctx: StepContext): { arn: string; ours: PolicyStatement[] } {
  const input = parseInput(ctx.step, inputSchema);
  const planned = parsePolicy(input.Policy);
  const before = ctx.step.undo?.command === "PutClusterPolicyCommand" && typeof ctx.step.undo.input.Policy === "string"
    ? parsePolicy(ctx.step.undo.input.Policy)
    : undefined;
  return { arn: input.ClusterArn, ours: planned.Statement.filter((s) => !holds(before, s)) };
}

const statementId = (arn: string, sid: string) => `${arn}#${sid}`;

/** Our statements replace earlier ones with the same Sid; everything else the live policy holds is kept. */
function merge(live: PolicyDocument | undefined, ours: PolicyStatement[]): PolicyDocument {
  const sids = new Set(ours.map((s) => s.Sid).filter(Boolean));
  const kept = (live?.Statement ?? []).filter((s) => !s.Sid || !sids.has(s.Sid));
  return { Version: "2012-10-17", Statement: [...kept, ...ours] };
}

/**
 * Merges into the policy as it is now rather than writing the plan's copy, so statements other requests
 * added since planning survive; CurrentVersion comes from GetClusterPolicy.
 */
async function execute(ctx: StepContext) {
  const { arn, ours } = ourStatements(ctx);
  const progress = startProgress(ctx);
  const kafka = ctx.access.kafka(ctx.step.account, ctx.step.region);
  const claimed = (progress.outputs[CLAIM] ?? "").split(",").filter(Boolean);

  const live = await readPolicy(kafka, progress.log, arn);
  const missing = ours.filter((s) => !holds(live?.document, s));
  for (const s of ours) {
    const id = s.Sid ? statementId(arn, s.Sid) : null;
    if (id && s.Sid && !missing.includes(s) && !claimed.includes(s.Sid) && !hasCreated(progress.created, TYPE, id)) markReused(progress, id);
  }
  if (missing.length === 0) {
    for (const sid of claimed) addCreated(progress, resource(ctx, TYPE, statementId(arn, sid)));
    delete progress.outputs[CLAIM];
    if (live) progress.outputs.CurrentVersion = live.currentVersion;
    return done(progress);
  }
  const sids = missing.map((s) => s.Sid).filter((s): s is string => Boolean(s));
  const out = await underClaim(progress, sids.join(","), () =>
    progress.log.run(
      kafka.send(
        new PutClusterPolicyCommand({
          ClusterArn: arn,
          Policy: JSON.stringify(merge(live?.document, ours)),
          ...(live ? { CurrentVersion: live.currentVersion } : {}),
        }),
      ),
    ),
  ).catch(async (error: unknown) => {
    // Someone, or this call retried by the SDK after a lost answer, changed the policy since it was read.
    if (!isVersionConflict(error)) throw error;
    const now = await readPolicy(kafka, progress.log, arn);
    if (now && missing.every((s) => holds(now.document, s))) return { CurrentVersion: now.currentVersion };
    throw new StepNotReadyError(`The cluster policy of ${arn} changed while this step wrote it; reading it again`);
  });
  for (const sid of sids) addCreated(progress, resource(ctx, TYPE, statementId(arn, sid)));
  delete progress.outputs[CLAIM];
  if (out.CurrentVersion) progress.outputs.CurrentVersion = out.CurrentVersion;
  await progress.save();
  return done(progress);
}

export const putClusterPolicy: StepExecutor = {
  execute,

  async verify(ctx) {
    const { arn, ours } = ourStatements(ctx);
    const live = await readPolicy(ctx.access.kafka(ctx.step.account, ctx.step.region), callLog(), arn);
    const missing = ours.filter((s) => !holds(live?.document, s));
    return missing.length === 0
      ? { ok: true }
      : { ok: false, problem: `The cluster policy no longer grants ${missing.map((s) => s.Sid ?? canonical(s.Action)).join(", ")}` };
  },

  /** Removes only this step's statements from the policy as it is now; deletes the policy if nothing else is left. */
  async undo(ctx, record) {
    const { arn } = ourStatements(ctx);
    const log = callLog();
    const sids = new Set(createdOfType(record, TYPE).map((c) => c.id.slice(c.id.lastIndexOf("#") + 1)));
    if (sids.size === 0) return { requestIds: [] };
    const kafka = ctx.access.kafka(ctx.step.account, ctx.step.region);
    const live = await readPolicy(kafka, log, arn);
    if (!live) return { requestIds: log.ids };
    const kept = live.document.Statement.filter((s) => !s.Sid || !sids.has(s.Sid));
    if (kept.length === live.document.Statement.length) return { requestIds: log.ids };
    if (kept.length === 0) await log.run(kafka.send(new DeleteClusterPolicyCommand({ ClusterArn: arn })));
    else {
      await log.run(
        kafka.send(
          new PutClusterPolicyCommand({ ClusterArn: arn, Policy: JSON.stringify({ ...live.document, Statement: kept }), CurrentVersion: live.currentVersion }),
        ),
      );
    }
    return { requestIds: log.ids };
  },
};
