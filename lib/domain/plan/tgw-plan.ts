import { overlappingPairs } from "../cidr";
import type { ClientFacts, SgRuleSource } from "./facts";
import { addFinding } from "./draft";
import { planRoutes } from "./route-steps";
import { planRoutesBothWays } from "./routes-both-ways";
import { planSgIngress } from "./sg-steps";
import { AWS_RULES } from "./rules";
import { checkVpcDns } from "./dns-checks";
import { checkDirectConnect } from "./dx-checks";
import { clusterRouteTableIds, type PlanContext } from "./context";
import { ensureAttachment, ensureShared, hubFor, initialShareState, liveAttachment } from "./tgw-hub";

/** A VPC client through the platform's TGW hub: both VPCs attached, routes both ways. */
export function planTgwVpcClient(ctx: PlanContext, client: ClientFacts): { linkId: string | null; sources: SgRuleSource[] } {
  const { cluster, draft } = ctx;
  const hub = hubFor(ctx);
  if (!hub) return { linkId: null, sources: [] };
  const pairs = overlappingPairs(cluster.cidrs, client.cidrs);
  if (pairs.length > 0) {
    addFinding(draft, {
      severity: "block",
      code: "cidr-overlap",
      message: `The VPC CIDRs overlap (${pairs.map(([a, b]) => `${a} and ${b}`).join("; ")}); the transit gateway would not propagate them`,
      remedy: ctx.input.request.authModes.includes("plaintext")
        ? "Re-address one VPC; multi-VPC private connectivity would tolerate the overlap but does not carry plaintext"
        : "Ask for multi-VPC private connectivity instead: it tolerates overlapping CIDRs",
      rule: AWS_RULES.tgwOverlap,
    });
  }
  checkVpcDns(draft, "cluster", cluster);
  checkVpcDns(draft, "client", client);

  const share = initialShareState(hub);
  // A VPC already attached to the TGW proves the account can see it: no share to make.
  const clusterShared = liveAttachment(cluster, hub) ? [] : ensureShared(ctx, hub, share, cluster.accountId);
  const clientShared = liveAttachment(client, hub) ? [] : ensureShared(ctx, hub, share, client.accountId);
  const clusterAttachment = ensureAttachment(ctx, hub, {
    side: "cluster",
    vpc: cluster,
    subnets: cluster.brokerSubnets,
    associateWith: hub.routeTables.sharedServices,
    propagateTo: [hub.routeTables.spokes],
    dependsOn: clusterShared,
  });
  const clientAttachment = ensureAttachment(ctx, hub, {
    side: "client",
    vpc: client,
    subnets: client.subnets,
    associateWith: hub.routeTables.spokes,
    propagateTo: [hub.routeTables.sharedServices],
    dependsOn: clientShared,
  });
  const ready = [...clusterAttachment.readyAfter, ...clientAttachment.readyAfter];

  planRoutesBothWays(ctx, client, { kind: "tgw", id: hub.transitGatewayId }, ready);

  const canReference = hub.securityGroupReferencingSupport && clusterAttachment.sgReferencing && clientAttachment.sgReferencing;
  const crossAccount = client.accountId !== cluster.accountId;
  const sources: SgRuleSource[] = canReference
    ? client.securityGroupIds.map((groupId) => ({ kind: "sg", groupId, ...(crossAccount ? { userId: client.accountId } : {}) }))
    : client.cidrs.map((cidr) => ({ kind: "cidr", cidr }));
  if (!canReference) {
    addFinding(draft, {
      severity: "info",
      code: "tgw-sg-referencing-off",
      message: "Security group referencing is off on the transit gateway or an attachment, so the cluster admits the client VPC's CIDRs",
      remedy: "Enable SecurityGroupReferencingSupport on the transit gateway and both attachments to admit the client's group instead",
      rule: AWS_RULES.tgwSgReference,
    });
  }
  planSgIngress(draft, {
    account: cluster.accountId,
    region: cluster.region,
    target: ctx.clusterSg,
    allGroups: cluster.securityGroups,
    ports: ctx.ports,
    sources,
    dependsOn: canReference ? ready : [],
    requestId: ctx.requestId,
    quotas: ctx.quotas,
    platform: ctx.platform,
  });
  return { linkId: hub.transitGatewayId, sources };
}

/** On-premises through Direct Connect and the TGW hub: only the MSK side changes; DX is checked, not built. */
export function planOnPrem(ctx: PlanContext, onPremCidrs: string[]): { linkId: string | null; sources: SgRuleSource[] } {
  const { cluster, draft } = ctx;
  const hub = hubFor(ctx);
  if (!hub) return { linkId: null, sources: [] };

  checkDirectConnect(ctx, hub, onPremCidrs);
  const pairs = overlappingPairs(cluster.cidrs, onPremCidrs);
  if (pairs.length > 0) {
    addFinding(draft, {
      severity: "block",
      code: "cidr-overlap",
      message: `On-premises CIDRs overlap the cluster VPC (${pairs.map(([a, b]) => `${a} and ${b}`).join("; ")})`,
      remedy: "Use on-premises addresses outside the cluster VPC's CIDRs",
      rule: AWS_RULES.tgwOverlap,
    });
  }

  const share = initialShareState(hub);
  const shared = liveAttachment(cluster, hub) ? [] : ensureShared(ctx, hub, share, cluster.accountId);
  const attachment = ensureAttachment(ctx, hub, {
    side: "cluster",
    vpc: cluster,
    subnets: cluster.brokerSubnets,
    associateWith: hub.routeTables.sharedServices,
    propagateTo: [hub.routeTables.onPrem],
    dependsOn: shared,
  });
  planRoutes(draft, {
    side: "cluster",
    account: cluster.accountId,
    region: cluster.region,
    routeTables: cluster.routeTables,
    routeTableIds: clusterRouteTableIds(ctx),
    destinations: onPremCidrs,
    target: { kind: "tgw", id: hub.transitGatewayId },
    dependsOn: attachment.readyAfter,
    quotas: ctx.quotas,
    platform: ctx.platform,
  });
  const sources: SgRuleSource[] = onPremCidrs.map((cidr) => ({ kind: "cidr", cidr }));
  planSgIngress(draft, {
    account: cluster.accountId,
    region: cluster.region,
    target: ctx.clusterSg,
    allGroups: cluster.securityGroups,
    ports: ctx.ports,
    sources,
    dependsOn: [],
    requestId: ctx.requestId,
    quotas: ctx.quotas,
    platform: ctx.platform,
  });
  addFinding(draft, {
    severity: "info",
    code: "on-prem-dns",
    message: "On-premises hosts must resolve the broker names in the bootstrap string to the brokers' private addresses",
    remedy: "Check with nslookup on a client host; if your resolvers cannot, forward the cluster's domain to a Route 53 Resolver inbound endpoint in the MSK VPC",
  });
  return { linkId: hub.transitGatewayId, sources };
}
