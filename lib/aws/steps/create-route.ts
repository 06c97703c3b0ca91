import { CreateRouteCommand, DeleteRouteCommand, DescribeRouteTablesCommand, ReplaceRouteCommand, type EC2Client, type Route } from "@aws-sdk/client-ec2";
import { z } from "zod";
import type { StepContext, StepExecutor } from "./step-executor";
import { callLog, type CallLog } from "./support/call-log";
import { hasCode, isNotFound, StepConflictError } from "./support/errors";
import { addCreated, markReused, underClaim, createdOfType, done, hasCreated, isClaimed, resource, startProgress } from "./support/progress";
import { parseInput } from "./support/step-input";

const TYPE = "route";
const inputSchema = z
  .object({
    RouteTableId: z.string(),
    DestinationCidrBlock: z.string(),
    VpcPeeringConnectionId: z.string().optional(),
    TransitGatewayId: z.string().optional(),
  })
  .refine((i) => Boolean(i.VpcPeeringConnectionId) !== Boolean(i.TransitGatewayId), "exactly one of VpcPeeringConnectionId, TransitGatewayId");
type Input = z.infer<typeof inputSchema>;

const routeId = (i: Input) => `${i.RouteTableId}|${i.DestinationCidrBlock}`;
const targetOf = (i: Input) => i.VpcPeeringConnectionId ?? i.TransitGatewayId ?? "";

/** The route for the destination, or null; a missing table throws (NotFound). */
async function findRoute(ec2: EC2Client, log: CallLog, input: Input): Promise<Route | null> {
  const out = await log.run(ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [input.RouteTableId] })));
  const routes = out.RouteTables?.[0]?.Routes ?? [];
  return routes.find((r) => r.DestinationCidrBlock === input.DestinationCidrBlock) ?? null;
}

/** Same target, made by CreateRoute: the local route and propagated routes are never this step's. */
function goesToTarget(route: Route, input: Input): boolean {
  const same = input.VpcPeeringConnectionId
    ? route.VpcPeeringConnectionId === input.VpcPeeringConnectionId
    : route.TransitGatewayId === input.TransitGatewayId;
  return same && route.Origin !== "CreateRouteTable" && route.GatewayId !== "local";
}

// The target this step last pointed its route at, kept in its record: a blackhole is this step's only while it
// still names that target (someone may have re-pointed the route since, and then lost their own target).
const TARGET = "target";
const routeTarget = (route: Route) => route.VpcPeeringConnectionId ?? route.TransitGatewayId ?? "";

/** This step's route, left a blackhole when its target went: AWS keeps it until it is replaced or deleted. */
function isOwnBlackhole(route: Route, recordedTarget: string | undefined): boolean {
  return route.State === "blackhole" && route.Origin === "CreateRoute" && recordedTarget !== undefined && routeTarget(route) === recordedTarget;
}

function conflict(route: Route, input: Input): StepConflictError {
  const target = route.GatewayId ?? route.VpcPeeringConnectionId ?? route.TransitGatewayId ?? route.NatGatewayId ?? "another target";
  return new StepConflictError(
    "RouteConflict",
    `${input.RouteTableId} already routes ${input.DestinationCidrBlock} to ${target}, not ${targetOf(input)}; the portal never replaces a route it did not create`,
  );
}

/** Routes cannot carry tags: this step's route is the one with its exact destination and target. */
async function execute(ctx: StepContext) {
  const input = parseInput(ctx.step, inputSchema);
  const progress = startProgress(ctx);
  const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
  const id = routeId(input);
  const ours = hasCreated(progress.created, TYPE, id) || isClaimed(progress, id);

  const existing = await findRoute(ec2, progress.log, input);
  if (existing && !goesToTarget(existing, input) && ours && isOwnBlackhole(existing, progress.outputs[TARGET])) {
    // This step's own route, left a blackhole when its target went (a peering deleted by hand, then the
    // request re-applied with a new one): pointed at the new target rather than refused as someone else's.
    await progress.log.run(ec2.send(new ReplaceRouteCommand(input)));
    progress.outputs[TARGET] = targetOf(input);
    addCreated(progress, resource(ctx, TYPE, id));
    await progress.save();
    return done(progress);
  }
  if (existing) {
    if (!goesToTarget(existing, input)) throw conflict(existing, input);
    if (ours) {
      progress.outputs[TARGET] = targetOf(input);
      addCreated(progress, resource(ctx, TYPE, id));
    }
    else markReused(progress, id);
    return done(progress);
  }
  try {
    await underClaim(progress, id, () => progress.log.run(ec2.send(new CreateRouteCommand(input))));
  } catch (error) {
    if (!hasCode(error, "RouteAlreadyExists")) throw error;
    // Someone added it between the read and the call: it was not this step's doing.
    const raced = await findRoute(ec2, progress.log, input);
    if (!raced || !goesToTarget(raced, input)) throw raced ? conflict(raced, input) : error;
    delete progress.outputs.claimed;
    await progress.save();
    return done(progress);
  }
  progress.outputs[TARGET] = targetOf(input);
  addCreated(progress, resource(ctx, TYPE, id));
  await progress.save();
  return done(progress);
}

export const createRoute: StepExecutor = {
  execute,

  async verify(ctx) {
    const input = parseInput(ctx.step, inputSchema);
    let route: Route | null;
    try {
      route = await findRoute(ctx.access.ec2(ctx.step.account, ctx.step.region), callLog(), input);
    } catch (error) {
      if (isNotFound(error)) return { ok: false, problem: `Route table ${input.RouteTableId} is gone` };
      throw error;
    }
    if (!route) return { ok: false, problem: `${input.RouteTableId} has no route for ${input.DestinationCidrBlock}` };
    if (!goesToTarget(route, input)) return { ok: false, problem: `${input.RouteTableId} routes ${input.DestinationCidrBlock} elsewhere now` };
    if (route.State === "blackhole") return { ok: false, problem: `The route ${input.DestinationCidrBlock} in ${input.RouteTableId} is a blackhole` };
    return { ok: true };
  },

  async undo(ctx, record) {
    const input = parseInput(ctx.step, inputSchema);
    const log = callLog();
    if (!hasCreated(createdOfType(record, TYPE), TYPE, routeId(input))) return { requestIds: [] };
    const ec2 = ctx.access.ec2(ctx.step.account, ctx.step.region);
    try {
      const route = await findRoute(ec2, log, input);
      // Replaced since by someone else: that route is theirs now, so it stays. Its own route left a blackhole
      // (a re-apply stopped before pointing it at a peering made again) goes too.
      if (route && (goesToTarget(route, input) || isOwnBlackhole(route, record.outputs[TARGET]))) {
        await log.run(ec2.send(new DeleteRouteCommand({ RouteTableId: input.RouteTableId, DestinationCidrBlock: input.DestinationCidrBlock })));
      }
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    return { requestIds: log.ids };
  },
};
