import { AuthorizeSecurityGroupIngressCommand, RevokeSecurityGroupIngressCommand, type SecurityGroupRule } from "@aws-sdk/client-ec2";
import { z } from "zod";
import type { StepContext, StepExecutor } from "./step-executor";
import { callLog } from "./support/call-log";
import { hasCode, isNotFound } from "./support/errors";
import { addCreated, createdOfType, markReused, done, hasCreated, resource, startProgress, type Progress } from "./support/progress";
import { describeRule, groupRules, matches, permissionFor, rulesOf, type WantedRule } from "./support/sg-rules";
import { parseInput } from "./support/step-input";
import { carriesOurTags, ec2TagSpecifications } from "./support/tags";

const TYPE = "security-group-rule";
const pair = z.object({ GroupId: z.string(), UserId: z.string().optional(), Description: z.string().optional() });
const inputSchema = z.object({
  GroupId: z.string(),
  IpPermissions: z.array(
    z.object({
      IpProtocol: z.string(),
      FromPort: z.number().optional(),
      ToPort: z.number().optional(),
      IpRanges: z.array(z.object({ CidrIp: z.string(), Description: z.string().optional() })).optional(),
      UserIdGroupPairs: z.array(pair).optional(),
      PrefixListIds: z.array(z.object({ PrefixListId: z.string(), Description: z.string().optional() })).optional(),
    }),
  ),
});

function wantedRules(ctx: StepContext): { groupId: string; wanted: WantedRule[] } {
  const input = parseInput(ctx.step, inputSchema);
  return { groupId: input.GroupId, wanted: rulesOf(input.IpPermissions) };
}

/**
 * Sorts the wanted rules into present and missing. A present rule is this step's when it carries the step's
 * tags or was recorded; otherwise it was there before and is left alone on undo.
 */
function classify(ctx: StepContext, progress: Progress, rules: SecurityGroupRule[], wanted: WantedRule[]): WantedRule[] {
  const missing: WantedRule[] = [];
  for (const want of wanted) {
    const present = rules.filter((r) => matches(r, want));
    if (present.length === 0) {
      missing.push(want);
      continue;
    }
    for (const r of present) {
      const id = r.SecurityGroupRuleId ?? "";
      if (carriesOurTags(ctx, r.Tags) || hasCreated(progress.created, TYPE, id)) addCreated(progress, resource(ctx, TYPE, id));
      else markReused(progress, id);
    }
  }
  return missing;
}

async function execute(ctx: StepContext) {
  const { groupId, wanted } = wantedRules(ctx);
  const progress = startProgress(ctx);
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
  const read = () => groupRules(ec2, progress.log, groupId, ctx.access.pageSize);

  const missing = classify(ctx, progress, await read(), wanted);
  if (missing.length === 0) return done(progress);
  try {
    // Tagged at creation, so a crash before the next save still leaves them findable as this step's.
    const out = await progress.log.run(
      ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: groupId,
          IpPermissions: missing.map(permissionFor),
          TagSpecifications: ec2TagSpecifications(ctx, "security-group-rule"),
        }),
      ),
    );
    for (const r of out.SecurityGroupRules ?? []) if (r.SecurityGroupRuleId) addCreated(progress, resource(ctx, TYPE, r.SecurityGroupRuleId));
  } catch (error) {
    // All-or-nothing in AWS: one rule added meanwhile refuses the lot, so look again and add the rest.
    if (!hasCode(error, "InvalidPermission.Duplicate")) throw error;
    const still = classify(ctx, progress, await read(), wanted);
    if (still.length > 0) {
      const out = await progress.log.run(
        ec2.send(
          new AuthorizeSecurityGroupIngressCommand({
            GroupId: groupId,
            IpPermissions: still.map(permissionFor),
            TagSpecifications: ec2TagSpecifications(ctx, "security-group-rule"),
          }),
        ),
      );
      for (const r of out.SecurityGroupRules ?? []) if (r.SecurityGroupRuleId) addCreated(progress, resource(ctx, TYPE, r.SecurityGroupRuleId));
    }
  }
  // Older endpoints omit the new rules' ids; the tags find them.
  classify(ctx, progress, await read(), wanted);
  await progress.save();
  return done(progress);
}

export const authorizeSgIngress: StepExecutor = {
  execute,

  async verify(ctx) {
    const { groupId, wanted } = wantedRules(ctx);
    let rules: SecurityGroupRule[];
    try {
      rules = await groupRules(ctx.access.ec2(ctx.step.account, ctx.step.region), callLog(), groupId, ctx.access.pageSize);
    } catch (error) {
      if (isNotFound(error)) return { ok: false, problem: `Security group ${groupId} is gone` };
      throw error;
    }
    const missing = wanted.filter((w) => !rules.some((r) => matches(r, w)));
    return missing.length === 0
      ? { ok: true }
      : { ok: false, problem: `${groupId} no longer allows ${missing.map(describeRule).join(", ")}` };
  },

  async undo(ctx, record) {
    const { groupId } = wantedRules(ctx);
    const log = callLog();
    const ours = createdOfType(record, TYPE).map((c) => c.id);
    if (ours.length === 0) return { requestIds: [] };
    const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
    try {
      // Revoking an id that is gone fails the whole call, so only the ones still there are named.
      const present = (await groupRules(ec2, log, groupId, ctx.access.pageSize))
        .map((r) => r.SecurityGroupRuleId)
        .filter((id): id is string => id !== undefined && ours.includes(id));
      if (present.length > 0) {
        await log.run(ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: groupId, SecurityGroupRuleIds: present })));
      }
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    return { requestIds: log.ids };
  },
};
