import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  type DescribeSecurityGroupsCommandInput,
  type EC2Client,
  type IpPermission,
  type SecurityGroup,
} from "@aws-sdk/client-ec2";
import { z } from "zod";
import { callLog, type CallLog } from "./support/call-log";
import { hasCode, isNotFound, StepConflictError, StepNotReadyError } from "./support/errors";
import { addCreated, createdOfType, done, resource, startProgress, type Progress } from "./support/progress";
import { parseInput } from "./support/step-input";
import { carriesOurTags, ec2TagFilters, ec2TagSpecifications } from "./support/tags";
import type { StepContext, StepExecutor } from "./step-executor";

const TYPE = "security-group";
const OUTPUT = "GroupId";
const pairSchema = z.object({ GroupId: z.string(), UserId: z.string().optional(), Description: z.string().optional() });
const rangeSchema = z.object({ CidrIp: z.string(), Description: z.string().optional() });
const inputSchema = z.object({
  GroupName: z.string(),
  Description: z.string(),
  VpcId: z.string(),
  IpPermissions: z
    .array(
      z.object({
        IpProtocol: z.literal("tcp"),
        FromPort: z.number().int(),
        ToPort: z.number().int(),
        UserIdGroupPairs: z.array(pairSchema).optional(),
        IpRanges: z.array(rangeSchema).optional(),
      }),
    )
    .min(1),
});
type Permission = z.infer<typeof inputSchema>["IpPermissions"][number];

async function describeGroups(ec2: EC2Client, log: CallLog, query: DescribeSecurityGroupsCommandInput) {
  try {
    return (await log.run(ec2.send(new DescribeSecurityGroupsCommand(query)))).SecurityGroups ?? [];
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/** The group this step made: by its recorded id, else by its tags (a crash after CreateSecurityGroup). */
async function findOwn(ctx: StepContext, progress: Progress, vpcId: string): Promise<SecurityGroup | null> {
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
  const recorded = progress.outputs[OUTPUT];
  if (recorded) {
    const [g] = await describeGroups(ec2, progress.log, { GroupIds: [recorded] });
    if (g) return g;
  }
  const tagged = await describeGroups(ec2, progress.log, { Filters: [{ Name: "vpc-id", Values: [vpcId] }, ...ec2TagFilters(ctx)] });
  return tagged[0] ?? null;
}

function holds(group: SecurityGroup, want: Permission): boolean {
  const have: IpPermission[] = (group.IpPermissions ?? []).filter(
    (p) => p.IpProtocol === want.IpProtocol && p.FromPort === want.FromPort && p.ToPort === want.ToPort,
  );
  const groups = new Set(have.flatMap((p) => (p.UserIdGroupPairs ?? []).map((g) => g.GroupId)));
  const cidrs = new Set(have.flatMap((p) => (p.IpRanges ?? []).map((r) => r.CidrIp)));
  return (want.UserIdGroupPairs ?? []).every((g) => groups.has(g.GroupId)) && (want.IpRanges ?? []).every((r) => cidrs.has(r.CidrIp));
}

/**
 * A group of the request's own in the client VPC, for the VPC connection's endpoints, admitting the client on
 * the multi-VPC broker ports. Its own group, so undo deletes it whole and no rule lands on a group the team owns.
 */
async function execute(ctx: StepContext) {
  const input = parseInput(ctx.step, inputSchema);
  const progress = startProgress(ctx);
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
  let group = await findOwn(ctx, progress, input.VpcId);
  if (!group) {
    try {
      const out = await progress.log.run(
        ec2.send(
          new CreateSecurityGroupCommand({
            GroupName: input.GroupName,
            Description: input.Description,
            VpcId: input.VpcId,
            TagSpecifications: ec2TagSpecifications(ctx, "security-group"),
          }),
        ),
      );
      if (!out.GroupId) throw new Error("CreateSecurityGroup returned no GroupId");
      progress.outputs[OUTPUT] = out.GroupId;
      addCreated(progress, resource(ctx, TYPE, out.GroupId));
      await progress.save();
      group = { GroupId: out.GroupId, IpPermissions: [] };
    } catch (error) {
      if (!hasCode(error, "InvalidGroup.Duplicate")) throw error;
      const [named] = await describeGroups(ec2, progress.log, {
        Filters: [{ Name: "vpc-id", Values: [input.VpcId] }, { Name: "group-name", Values: [input.GroupName] }],
      });
      if (!named || !carriesOurTags(ctx, named.Tags)) {
        throw new StepConflictError("SecurityGroupNameTaken", `A security group named ${input.GroupName} that this request did not make exists in ${input.VpcId}`);
      }
      group = named;
    }
  }
  const id = group.GroupId ?? "";
  progress.outputs[OUTPUT] = id;
  if (carriesOurTags(ctx, group.Tags)) addCreated(progress, resource(ctx, TYPE, id));
  const missing = input.IpPermissions.filter((p) => !holds(group, p));
  if (missing.length > 0) {
    try {
      await progress.log.run(ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: missing })));
    } catch (error) {
      // A retry after a lost answer: the rule is there.
      if (!hasCode(error, "InvalidPermission.Duplicate")) throw error;
    }
  }
  return done(progress);
}

export const createVpcConnectionSg: StepExecutor = {
  execute,

  async verify(ctx, record) {
    const id = record.outputs[OUTPUT];
    if (!id) return { ok: false, problem: "No security group was recorded" };
    const input = parseInput(ctx.step, inputSchema);
    const [g] = await describeGroups(ctx.access.ec2(ctx.step.account, ctx.step.region), callLog(), { GroupIds: [id] });
    if (!g) return { ok: false, problem: `Security group ${id} is gone` };
    const lost = input.IpPermissions.filter((p) => !holds(g, p));
    return lost.length === 0 ? { ok: true } : { ok: false, problem: `Security group ${id} no longer admits tcp ${lost.map((p) => `${p.FromPort}-${p.ToPort}`).join(", ")}` };
  },

  /** The VPC connection's endpoints hold the group until the connection has finished deleting. */
  async undo(ctx, record) {
    const log = callLog();
    const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
    for (const item of createdOfType(record, TYPE)) {
      try {
        await log.run(ec2.send(new DeleteSecurityGroupCommand({ GroupId: item.id })));
      } catch (error) {
        if (isNotFound(error)) continue;
        if (hasCode(error, "DependencyViolation")) throw new StepNotReadyError(`Security group ${item.id} is still in use (the VPC connection is deleting)`);
        throw error;
      }
    }
    return { requestIds: log.ids };
  },
};
