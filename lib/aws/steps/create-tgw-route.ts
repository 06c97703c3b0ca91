import {
  CreateTransitGatewayRouteCommand,
  DeleteTransitGatewayRouteCommand,
  SearchTransitGatewayRoutesCommand,
  type EC2Client,
  type TransitGatewayRoute,
} from "@aws-sdk/client-ec2";
import { z } from "zod";
import type { StepContext, StepExecutor } from "./step-executor";
import { callLog, type CallLog } from "./support/call-log";
import { hasCode, isNotFound, StepConflictError } from "./support/errors";
import { addCreated, markReused, underClaim, createdOfType, done, hasCreated, isClaimed, resource, startProgress } from "./support/progress";
import { parseInput } from "./support/step-input";

const TYPE = "transit-gateway-route";
const inputSchema = z
  .object({
    TransitGatewayRouteTableId: z.string(),
    DestinationCidrBlock: z.string(),
    TransitGatewayAttachmentId: z.string().optional(),
    Blackhole: z.boolean().optional(),
  })
  .refine((i) => Boolean(i.TransitGatewayAttachmentId) !== Boolean(i.Blackhole), "exactly one of TransitGatewayAttachmentId, Blackhole");
type Input = z.infer<typeof inputSchema>;

const idOf = (i: Input) => `${i.TransitGatewayRouteTableId}|${i.DestinationCidrBlock}`;

/** The static route for the exact destination (propagated routes are the attachments' business). */
async function staticRoute(ec2: EC2Client, log: CallLog, input: Input): Promise<TransitGatewayRoute | null> {
  const out = await log.run(
    ec2.send(
      new SearchTransitGatewayRoutesCommand({
        TransitGatewayRouteTableId: input.TransitGatewayRouteTableId,
        Filters: [
          { Name: "type", Values: ["static"] },
          { Name: "route-search.exact-match", Values: [input.DestinationCidrBlock] },
        ],
      }),
    ),
  );
  return out.Routes?.find((r) => r.DestinationCidrBlock === input.DestinationCidrBlock) ?? null;
}

function sameTarget(route: TransitGatewayRoute, input: Input): boolean {
  if (input.Blackhole) return route.State === "blackhole" && (route.TransitGatewayAttachments ?? []).length === 0;
  return (route.TransitGatewayAttachments ?? []).some((a) => a.TransitGatewayAttachmentId === input.TransitGatewayAttachmentId);
}

const targetOf = (i: Input) => i.TransitGatewayAttachmentId ?? "blackhole";

async function execute(ctx: StepContext) {
  const input = parseInput(ctx.step, inputSchema);
  const progress = startProgress(ctx);
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
  const id = idOf(input);
  const ours = hasCreated(progress.created, TYPE, id) || isClaimed(progress, id);
  const conflict = (r: TransitGatewayRoute) =>
    new StepConflictError(
      "TransitGatewayRouteConflict",
      `${input.TransitGatewayRouteTableId} already has a static route for ${input.DestinationCidrBlock} to ${
        r.TransitGatewayAttachments?.[0]?.TransitGatewayAttachmentId ?? "a blackhole"
      }, not ${targetOf(input)}`,
    );

  const existing = await staticRoute(ec2, progress.log, input);
  if (existing) {
    if (!sameTarget(existing, input)) throw conflict(existing);
    if (ours) addCreated(progress, resource(ctx, TYPE, id));
    else markReused(progress, id);
    return done(progress);
  }
  try {
    await underClaim(progress, id, () => progress.log.run(ec2.send(new CreateTransitGatewayRouteCommand(input))));
  } catch (error) {
    if (!hasCode(error, "RouteAlreadyExists")) throw error;
    const raced = await staticRoute(ec2, progress.log, input);
    if (!raced || !sameTarget(raced, input)) throw raced ? conflict(raced) : error;
    delete progress.outputs.claimed;
    await progress.save();
    return done(progress);
  }
  addCreated(progress, resource(ctx, TYPE, id));
  await progress.save();
  return done(progress);
}

export const createTgwRoute: StepExecutor = {
  execute,

  async verify(ctx) {
    const input = parseInput(ctx.step, inputSchema);
    const route = await staticRoute(ctx.access.ec2(ctx.step.account, ctx.step.region), callLog(), input);
    if (!route || !sameTarget(route, input)) {
      return { ok: false, problem: `${input.TransitGatewayRouteTableId} has no static route ${input.DestinationCidrBlock} -> ${targetOf(input)}` };
    }
    return input.Blackhole || route.State === "active"
      ? { ok: true }
      : { ok: false, problem: `The route ${input.DestinationCidrBlock} in ${input.TransitGatewayRouteTableId} is ${route.State ?? "not active"}` };
  },

  async undo(ctx, record) {
    const input = parseInput(ctx.step, inputSchema);
    const log = callLog();
    if (!hasCreated(createdOfType(record, TYPE), TYPE, idOf(input))) return { requestIds: [] };
    const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
    try {
      const route = await staticRoute(ec2, log, input);
      if (route && sameTarget(route, input)) {
        await log.run(
          ec2.send(
            new DeleteTransitGatewayRouteCommand({
              TransitGatewayRouteTableId: input.TransitGatewayRouteTableId,
              DestinationCidrBlock: input.DestinationCidrBlock,
            }),
          ),
        );
      }
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    return { requestIds: log.ids };
  },
};
