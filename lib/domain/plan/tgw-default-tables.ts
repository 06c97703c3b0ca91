import type { TgwAttachmentFacts, TransitHub, VpcNetworkFacts } from "./facts";
import { addFinding, addStep, addTgwTableReuse, type PlanDraft } from "./draft";
import type { StepRef } from "./plan-types";
import { AWS_RULES } from "./rules";
import type { PlanContext } from "./context";

export type LeftDefaults = {
  /** Keys the association with the hub's table must wait for: it fails while another association holds. */
  beforeAssociate: string[];
  /** Every key added, for the steps that need the attachment's routing finished. */
  keys: string[];
};

/**
 * A TGW with DefaultRouteTableAssociation / DefaultRouteTablePropagation on associates every new attachment
 * with its default table and propagates it there by itself (Transit Gateway guide, tgw-route-tables). For an
 * attachment this plan creates, or accepts (when AWS applies them), that is AWS's doing, not the platform's
 * choice: the plan takes it out of the default association before associating it with the hub's table (an
 * attachment has one association), and turns the default propagation off unless it propagates there anyway or the platform keeps it (a warning
 * says what that exposes).
 */
export function leaveTgwDefaults(
  ctx: PlanContext,
  hub: TransitHub,
  args: {
    side: "cluster" | "client";
    vpc: VpcNetworkFacts;
    attachmentId: string | StepRef;
    associateWith: string;
    propagateTo: string[];
    readyAfter: string[];
  },
): LeftDefaults {
  const { side, attachmentId, readyAfter } = args;
  const { association, propagation } = hub.defaultRouteTables;
  const where = `transit ${hub.accountId}, ${hub.region}`;
  const out: LeftDefaults = { beforeAssociate: [], keys: [] };

  const exposed = `every attachment associated with ${propagation} has a route to ${args.vpc.cidrs.join(", ")}`;
  if (propagation && !args.propagateTo.includes(propagation) && ctx.platform.tgwDefaultPropagation === "keep") {
    addFinding(ctx.draft, {
      severity: "warn",
      code: "tgw-default-propagation",
      message: `${hub.transitGatewayId} propagates every new attachment into its default route table ${propagation}, and the platform keeps that: once the ${side} VPC's attachment is available, ${exposed}`,
      remedy: `If that is not intended, have the platform disable it per attachment (platform setting) or set DefaultRouteTablePropagation to disable on ${hub.transitGatewayId}`,
      rule: AWS_RULES.tgwDefaultRouteTables,
    });
  } else if (propagation && !args.propagateTo.includes(propagation)) {
    const key = `disable-tgw-default-propagation:${side}`;
    const input = { TransitGatewayRouteTableId: propagation, TransitGatewayAttachmentId: attachmentId };
    addStep(ctx.draft, {
      key,
      // One kind per route-table relation: its executor runs Enable… or, as here, Disable… by the command.
      kind: "enable-tgw-propagation",
      account: hub.accountId,
      region: hub.region,
      command: "DisableTransitGatewayRouteTablePropagationCommand",
      input,
      dependsOn: readyAfter,
      creates: null,
      undo: { command: "EnableTransitGatewayRouteTablePropagationCommand", input },
      summary: `stop the ${side} VPC's routes propagating into ${hub.transitGatewayId}'s default route table ${propagation}, which AWS turns on for a new attachment (${where})`,
    });
    out.keys.push(key);
    addFinding(ctx.draft, {
      severity: "warn",
      code: "tgw-default-propagation",
      message: `${hub.transitGatewayId} propagates every new attachment into its default route table ${propagation}: from the moment the ${side} VPC's attachment is available until the plan turns that off, ${exposed}`,
      remedy: `The plan disables the propagation; to close the gap for good, set DefaultRouteTablePropagation to disable on ${hub.transitGatewayId} (ModifyTransitGateway)`,
      rule: AWS_RULES.tgwDefaultRouteTables,
    });
  }

  if (association && association !== args.associateWith) {
    const key = `disassociate-tgw-default-route-table:${side}`;
    const input = { TransitGatewayRouteTableId: association, TransitGatewayAttachmentId: attachmentId };
    addStep(ctx.draft, {
      key,
      // One kind per route-table relation: its executor runs Associate… or, as here, Disassociate… by the command.
      kind: "associate-tgw-route-table",
      account: hub.accountId,
      region: hub.region,
      command: "DisassociateTransitGatewayRouteTableCommand",
      input,
      dependsOn: readyAfter,
      creates: null,
      undo: { command: "AssociateTransitGatewayRouteTableCommand", input },
      summary: `take the new ${side} attachment out of ${hub.transitGatewayId}'s default route table ${association}, where AWS associates it, so it can be associated with ${args.associateWith} (${where})`,
    });
    out.beforeAssociate.push(key);
    out.keys.push(key);
  }
  return out;
}

/**
 * An attachment another request made and took off the TGW's defaults: this request relies on it staying off
 * them (the steps' records use these ids), so that request's teardown keeps it so while this one is live.
 */
export function reuseLeftDefaults(draft: PlanDraft, hub: TransitHub, existing: TgwAttachmentFacts): void {
  const { association, propagation } = hub.defaultRouteTables;
  const owner = { account: hub.accountId, region: hub.region };
  if (association && existing.associatedRouteTableId && existing.associatedRouteTableId !== association) {
    addTgwTableReuse(draft, owner, association, existing.attachmentId, "not-associated");
  }
  if (propagation && !existing.propagatedRouteTableIds.includes(propagation)) {
    addTgwTableReuse(draft, owner, propagation, existing.attachmentId, "not-propagating");
  }
}
