import type { SubnetFacts, TgwAttachmentFacts, TransitHub, VpcNetworkFacts } from "./facts";
import { addFinding, addReuse, addStep, addTgwTableReuse, ref } from "./draft";
import type { StepRef } from "./plan-types";
import { AWS_RULES } from "./rules";
import { ec2TagSpecifications, ramTags } from "./tags";
import type { PlanContext } from "./context";
import { leaveTgwDefaults, reuseLeftDefaults, type LeftDefaults } from "./tgw-default-tables";
import { attachmentZoneOf, chooseAttachmentSubnets, type AttachmentSubnetChoice } from "./tgw-attachment-subnets";

const DEAD_ATTACHMENT = ["deleting", "deleted", "failed", "rejected"];

export function hubFor(ctx: PlanContext): TransitHub | null {
  const hub = ctx.platform.transitHubs.find((h) => h.region === ctx.cluster.region) ?? null;
  const unreadable = hub ? undefined : ctx.platform.unavailableHubs?.find((h) => h.region === ctx.cluster.region);
  if (unreadable) {
    addFinding(ctx.draft, {
      severity: "block",
      code: "transit-hub-unavailable",
      message: `The transit gateway hub ${unreadable.transitGatewayId} (account ${unreadable.accountId}, ${unreadable.region}) could not be read: ${unreadable.reason}`,
      remedy: "Ask the platform team to check the hub's transit account (Admin, Test access), then re-plan",
    });
  } else if (!hub) {
    addFinding(ctx.draft, {
      severity: "block",
      code: "no-transit-hub",
      message: `The platform has no transit gateway hub in ${ctx.cluster.region}`,
      remedy: "Ask the platform team to register the Region's transit gateway in the portal settings",
    });
  }
  return hub;
}

export function liveAttachment(vpc: VpcNetworkFacts, hub: TransitHub): TgwAttachmentFacts | undefined {
  return vpc.tgwAttachments.find((a) => a.transitGatewayId === hub.transitGatewayId && !DEAD_ATTACHMENT.includes(a.state));
}

type ShareSlot = { arn: string | StepRef | null; createdByKey: string | null };

/**
 * Share state carried between calls so a second account joins the share the first call created. Accounts
 * outside the Organization need a share that allows external principals (RAM refuses to add them to one that
 * does not), so those go to a share of their own.
 */
export type ShareState = { internal: ShareSlot; external: ShareSlot };

export function initialShareState(hub: TransitHub): ShareState {
  const externalArn = hub.share?.externalShareArn ?? null;
  const primary = hub.share?.resourceShareArn ?? null;
  return {
    internal: { arn: primary, createdByKey: null },
    external: { arn: externalArn, createdByKey: null },
  };
}

/** Makes the TGW visible to `accountId` through RAM; returns the keys an attachment must wait for. */
export function ensureShared(ctx: PlanContext, hub: TransitHub, share: ShareState, accountId: string): string[] {
  if (accountId === hub.accountId) return [];
  const org = ctx.platform.organization;
  const inOrgWithSharing =
    org !== null && org.ramSharingEnabled && org.accountIds.includes(accountId) && org.accountIds.includes(hub.accountId);
  const principals = hub.share?.principals ?? [];
  const alreadyShared =
    principals.includes(accountId) || (org !== null && org.accountIds.includes(accountId) && principals.includes(org.arn));
  if (alreadyShared) {
    const owner = { account: hub.accountId, region: hub.region };
    addReuse(ctx.draft, hub.share?.resourceShareArn, owner);
    addReuse(ctx.draft, hub.share ? `${hub.share.resourceShareArn}|${accountId}` : null, owner);
    const pending = hub.share?.pendingInvitations.find((i) => i.accountId === accountId);
    if (!pending) return [];
    return [addAcceptInvitation(ctx, hub, accountId, pending.invitationArn, [])];
  }

  const key = `share-tgw:${accountId}`;
  // An Organization member may join either share; an outside account only one that allows external principals.
  const slot = !inOrgWithSharing ? share.external : share.internal.arn === null && share.external.arn !== null ? share.external : share.internal;
  if (slot.arn === null) {
    slot.arn = ref(key, "resourceShareArn");
    slot.createdByKey = key;
    addStep(ctx.draft, {
      key,
      kind: "share-tgw",
      account: hub.accountId,
      region: hub.region,
      command: "CreateResourceShareCommand",
      input: {
        name: `msk-portal-${hub.transitGatewayId}${inOrgWithSharing ? "" : "-external"}`,
        resourceArns: [hub.transitGatewayArn],
        principals: [accountId],
        allowExternalPrincipals: !inOrgWithSharing,
        tags: ramTags(ctx.platform, ctx.requestId, key),
      },
      dependsOn: [],
      creates: { type: "ram-resource-share", ref: `${key}.resourceShareArn` },
      undo: { command: "DeleteResourceShareCommand", input: { resourceShareArn: slot.arn } },
      summary: `share transit gateway ${hub.transitGatewayId} with account ${accountId} through RAM (transit ${hub.accountId}, ${hub.region})`,
    });
  } else {
    addStep(ctx.draft, {
      key,
      kind: "share-tgw",
      account: hub.accountId,
      region: hub.region,
      command: "AssociateResourceShareCommand",
      input: { resourceShareArn: slot.arn, principals: [accountId] },
      dependsOn: slot.createdByKey ? [slot.createdByKey] : [],
      creates: { type: "ram-principal-association", ref: `${accountId}` },
      undo: { command: "DisassociateResourceShareCommand", input: { resourceShareArn: slot.arn, principals: [accountId] } },
      summary: `add account ${accountId} to the RAM share of ${hub.transitGatewayId} (transit ${hub.accountId}, ${hub.region})`,
    });
  }
  if (inOrgWithSharing) return [key];
  // The invitation ARN is found by the executor with GetResourceShareInvitations for the share's ARN.
  return [addAcceptInvitation(ctx, hub, accountId, ref(key, "resourceShareInvitationArn"), [key])];
}

function addAcceptInvitation(
  ctx: PlanContext,
  hub: TransitHub,
  accountId: string,
  invitationArn: string | StepRef,
  dependsOn: string[],
): string {
  const key = `accept-share-invitation:${accountId}`;
  addStep(ctx.draft, {
    key,
    kind: "accept-share-invitation",
    account: accountId,
    region: hub.region,
    command: "AcceptResourceShareInvitationCommand",
    input: { resourceShareInvitationArn: invitationArn },
    dependsOn,
    creates: null,
    undo: null,
    summary: `accept the RAM invitation for ${hub.transitGatewayId} in account ${accountId} (${hub.region})`,
  });
  addFinding(ctx.draft, {
    severity: "info",
    code: "ram-invitation",
    message: `Account ${accountId} is not in the transit account's organization with RAM sharing on, so it accepts an invitation`,
    remedy: "Nothing to do; the plan accepts it",
    rule: AWS_RULES.ramInvitation,
  });
  return key;
}

export type AttachmentResult = { attachmentId: string | StepRef; readyAfter: string[]; sgReferencing: boolean };

/**
 * Attaches the VPC (or reuses its attachment), accepts, associates and propagates. `needAzs` are the
 * subnets whose zones must have an attachment subnet.
 */
export function ensureAttachment(
  ctx: PlanContext,
  hub: TransitHub,
  args: {
    side: "cluster" | "client";
    vpc: VpcNetworkFacts;
    subnets: readonly SubnetFacts[];
    associateWith: string;
    propagateTo: string[];
    dependsOn: string[];
  },
): AttachmentResult {
  const { draft, platform, requestId } = ctx;
  const { vpc, side } = args;
  const existing = liveAttachment(vpc, hub);
  const needsAccept = vpc.accountId !== hub.accountId && !hub.autoAcceptSharedAttachments;
  let attachmentId: string | StepRef;
  let readyAfter: string[] = [];
  let sgReferencing: boolean;
  let defaults: LeftDefaults = { beforeAssociate: [], keys: [] };

  if (existing) {
    const owner = { account: hub.accountId, region: hub.region };
    // The TGW's owner sees every attachment to it, whichever account's VPC it attaches.
    addReuse(draft, existing.attachmentId, owner);
    if (existing.associatedRouteTableId) addTgwTableReuse(draft, owner, existing.associatedRouteTableId, existing.attachmentId, "associated");
    for (const table of existing.propagatedRouteTableIds) addTgwTableReuse(draft, owner, table, existing.attachmentId, "propagating");
    attachmentId = existing.attachmentId;
    sgReferencing = existing.securityGroupReferencingSupport;
    const missing = [...new Set(args.subnets.map(attachmentZoneOf))].filter((az) => !existing.azIds.includes(az));
    if (missing.length > 0) {
      addFinding(draft, {
        severity: "block",
        code: "tgw-attachment-missing-az",
        message: `The ${side} VPC's attachment ${existing.attachmentId} has no subnet in ${missing.join(", ")}, where ${side === "cluster" ? "brokers" : "client subnets"} are`,
        remedy: `Add a subnet in ${missing.join(", ")} to ${existing.attachmentId} (ModifyTransitGatewayVpcAttachment AddSubnetIds)`,
        rule: AWS_RULES.tgwAzCoverage,
      });
    }
    if (existing.state === "pendingAcceptance" && needsAccept) {
      readyAfter = [addAcceptAttachment(ctx, hub, side, vpc, attachmentId, [])];
      // The acceptance is what makes AWS apply the TGW's defaults, so this plan leaves them as for its own.
      defaults = leaveTgwDefaults(ctx, hub, { side, vpc, attachmentId, associateWith: args.associateWith, propagateTo: args.propagateTo, readyAfter });
    } else {
      reuseLeftDefaults(draft, hub, existing);
    }
  } else {
    const key = `attach-vpc-to-tgw:${side}`;
    attachmentId = ref(key, "TransitGatewayAttachmentId");
    sgReferencing = hub.securityGroupReferencingSupport;
    const { subnetIds, uncovered } = chooseAttachmentSubnets(args.subnets);
    if (uncovered.length > 0) reportUncoveredZones(ctx, side, vpc, uncovered);
    addStep(draft, {
      key,
      kind: "attach-vpc-to-tgw",
      account: vpc.accountId,
      region: vpc.region,
      command: "CreateTransitGatewayVpcAttachmentCommand",
      input: {
        TransitGatewayId: hub.transitGatewayId,
        VpcId: vpc.vpcId,
        SubnetIds: subnetIds,
        Options: { DnsSupport: "enable", SecurityGroupReferencingSupport: hub.securityGroupReferencingSupport ? "enable" : "disable" },
        TagSpecifications: ec2TagSpecifications(platform, requestId, key, "transit-gateway-attachment"),
      },
      dependsOn: args.dependsOn,
      // The cluster's attachment serves every later request for this cluster.
      creates: { type: "transit-gateway-attachment", ref: `${key}.TransitGatewayAttachmentId` },
      undo: { command: "DeleteTransitGatewayVpcAttachmentCommand", input: { TransitGatewayAttachmentId: attachmentId } },
      summary: `attach ${vpc.vpcId} to ${hub.transitGatewayId} through ${subnetIds.join(", ")} (${side}, ${vpc.region})`,
    });
    readyAfter = [key];
    if (needsAccept) readyAfter = [addAcceptAttachment(ctx, hub, side, vpc, attachmentId, [key])];
    defaults = leaveTgwDefaults(ctx, hub, { side, vpc, attachmentId, associateWith: args.associateWith, propagateTo: args.propagateTo, readyAfter });
  }

  const hubSteps: string[] = [...defaults.keys];
  if (existing?.associatedRouteTableId && existing.associatedRouteTableId !== args.associateWith) {
    const isDefault = existing.associatedRouteTableId === hub.defaultRouteTables.association;
    addFinding(draft, {
      severity: "block",
      code: "tgw-association-elsewhere",
      message: `${existing.attachmentId} is associated with ${existing.associatedRouteTableId}${isDefault ? " (the transit gateway's default route table)" : ""}, not ${args.associateWith}`,
      remedy: "Ask the platform team to move the association; the portal does not move what it did not set",
    });
  } else if (!existing?.associatedRouteTableId) {
    const key = `associate-tgw-route-table:${side}`;
    addStep(draft, {
      key,
      kind: "associate-tgw-route-table",
      account: hub.accountId,
      region: hub.region,
      command: "AssociateTransitGatewayRouteTableCommand",
      input: { TransitGatewayRouteTableId: args.associateWith, TransitGatewayAttachmentId: attachmentId },
      dependsOn: [...readyAfter, ...defaults.beforeAssociate],
      creates: { type: "transit-gateway-route-table-association", ref: `${args.associateWith}:${side}` },
      undo: {
        command: "DisassociateTransitGatewayRouteTableCommand",
        input: { TransitGatewayRouteTableId: args.associateWith, TransitGatewayAttachmentId: attachmentId },
      },
      summary: `associate the ${side} attachment with ${args.associateWith} (transit ${hub.accountId}, ${hub.region})`,
    });
    hubSteps.push(key);
  }
  for (const table of args.propagateTo) {
    if (existing?.propagatedRouteTableIds.includes(table)) continue;
    const key = `enable-tgw-propagation:${side}:${table}`;
    addStep(draft, {
      key,
      kind: "enable-tgw-propagation",
      account: hub.accountId,
      region: hub.region,
      command: "EnableTransitGatewayRouteTablePropagationCommand",
      input: { TransitGatewayRouteTableId: table, TransitGatewayAttachmentId: attachmentId },
      dependsOn: readyAfter,
      creates: { type: "transit-gateway-route-table-propagation", ref: `${table}:${side}` },
      undo: {
        command: "DisableTransitGatewayRouteTablePropagationCommand",
        input: { TransitGatewayRouteTableId: table, TransitGatewayAttachmentId: attachmentId },
      },
      summary: `propagate the ${side} VPC's routes into ${table} (transit ${hub.accountId}, ${hub.region})`,
    });
    hubSteps.push(key);
  }
  return { attachmentId, readyAfter: [...readyAfter, ...hubSteps], sgReferencing };
}

function addAcceptAttachment(
  ctx: PlanContext,
  hub: TransitHub,
  side: string,
  vpc: VpcNetworkFacts,
  attachmentId: string | StepRef,
  dependsOn: string[],
): string {
  const key = `accept-tgw-attachment:${side}`;
  addStep(ctx.draft, {
    key,
    kind: "accept-tgw-attachment",
    account: hub.accountId,
    region: hub.region,
    command: "AcceptTransitGatewayVpcAttachmentCommand",
    input: { TransitGatewayAttachmentId: attachmentId },
    dependsOn,
    creates: null,
    undo: null,
    summary: `accept the attachment of ${vpc.vpcId} (${vpc.accountId}) in the transit account ${hub.accountId} (${hub.region})`,
  });
  return key;
}

/** A TGW attachment takes exactly one subnet per Availability Zone. */
export function onePerZone(subnets: readonly SubnetFacts[]): string[] {
  return chooseAttachmentSubnets(subnets).subnetIds;
}

/** Blocks rather than let CreateTransitGatewayVpcAttachment refuse the subnet, or leave a zone cut off. */
function reportUncoveredZones(ctx: PlanContext, side: string, vpc: VpcNetworkFacts, uncovered: AttachmentSubnetChoice["uncovered"]): void {
  const zones = uncovered.map((u) => u.azId);
  const why = uncovered.flatMap((u) => u.reasons);
  addFinding(ctx.draft, {
    severity: "block",
    code: "tgw-attachment-subnet-unfit",
    message: `The ${side} VPC ${vpc.vpcId} has no subnet a transit gateway attachment can use in ${zones.join(", ")}${why.length > 0 ? ` (${why.join("; ")})` : ""}`,
    remedy: `Create a subnet with IPv4 addresses in ${zones.join(", ")} (an Availability Zone, not a Local Zone) in ${vpc.vpcId}${side === "client" ? ", or name one in the request" : ""}, then re-plan`,
    rule: AWS_RULES.tgwAttachmentSubnets,
  });
}
