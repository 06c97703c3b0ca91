import { overlappingPairs } from "../cidr";
import type { ClientFacts, PeeringFacts, SgRuleSource, VpcRef } from "./facts";
import { addFinding, addReuse, addStep, ref } from "./draft";
import type { StepRef } from "./plan-types";
import { checkQuota } from "./quotas";
import { planRoutesBothWays } from "./routes-both-ways";
import { planSgIngress } from "./sg-steps";
import { AWS_RULES } from "./rules";
import { ec2TagSpecifications } from "./tags";
import { checkVpcDns } from "./dns-checks";
import type { PlanContext } from "./context";
import { multiVpcFits } from "./multi-vpc-fits";

const LIVE_PEERING = ["initiating-request", "pending-acceptance", "provisioning", "active"];

/** VPC peering, requested from the MSK VPC and accepted in the client's account and Region. */
export function planPeering(ctx: PlanContext, client: ClientFacts): { linkId: string | StepRef; sources: SgRuleSource[] } {
  const { cluster, draft, platform, requestId } = ctx;
  const crossAccount = client.accountId !== cluster.accountId;
  const crossRegion = client.region !== cluster.region;

  checkOverlap(ctx, client);
  checkVpcDns(draft, "cluster", cluster);
  checkVpcDns(draft, "client", client);

  const existing = findPeering(cluster, client);
  let peeringId: string | StepRef;
  let activeAfter: string[] = [];
  // Either side's account describes a peering; the cluster's is the one the portal always reaches.
  if (existing) addReuse(ctx.draft, existing.peeringId, { account: cluster.accountId, region: cluster.region });
  if (existing?.status === "active") {
    peeringId = existing.peeringId;
    addFinding(draft, {
      severity: "info",
      code: "peering-reused",
      message: `The VPCs are already peered by ${existing.peeringId}; it is reused`,
      remedy: "Nothing to do",
    });
  } else if (existing) {
    peeringId = existing.peeringId;
    activeAfter = [addAccept(ctx, existing.peeringId, existing.accepter)];
  } else {
    checkPeeringQuotas(ctx, client);
    const key = "create-peering";
    peeringId = ref(key, "VpcPeeringConnectionId");
    addStep(draft, {
      key,
      kind: "create-peering",
      account: cluster.accountId,
      region: cluster.region,
      command: "CreateVpcPeeringConnectionCommand",
      input: {
        VpcId: cluster.vpcId,
        PeerVpcId: client.vpcId,
        ...(crossAccount ? { PeerOwnerId: client.accountId } : {}),
        ...(crossRegion ? { PeerRegion: client.region } : {}),
        TagSpecifications: ec2TagSpecifications(platform, requestId, key, "vpc-peering-connection"),
      },
      dependsOn: [],
      creates: { type: "vpc-peering-connection", ref: "create-peering.VpcPeeringConnectionId" },
      undo: { command: "DeleteVpcPeeringConnectionCommand", input: { VpcPeeringConnectionId: peeringId } },
      summary: `request peering ${cluster.vpcId} (cluster, ${cluster.region}) -> ${client.vpcId} (client ${client.accountId}, ${client.region})`,
    });
    activeAfter = [addAccept(ctx, peeringId, client, [key])];
  }

  planPeeringDns(ctx, existing, peeringId, activeAfter);

  planRoutesBothWays(ctx, client, { kind: "peering", id: peeringId }, activeAfter);

  let sources: SgRuleSource[];
  if (crossRegion) {
    sources = client.cidrs.map((cidr) => ({ kind: "cidr", cidr }));
    addFinding(draft, {
      severity: "info",
      code: crossAccount ? "sg-reference-cross-account-region" : "sg-reference-cross-region",
      message: "The client is in another Region, so the cluster's security group admits the client VPC's CIDRs, not its security group",
      remedy: "Nothing to do; narrow the client VPC's CIDRs if they are wider than the client needs",
      rule: AWS_RULES.peeringSgReference,
    });
  } else {
    sources = client.securityGroupIds.map((groupId) => ({
      kind: "sg",
      groupId,
      ...(crossAccount ? { userId: client.accountId } : {}),
    }));
  }
  planSgIngress(draft, {
    account: cluster.accountId,
    region: cluster.region,
    target: ctx.clusterSg,
    allGroups: cluster.securityGroups,
    ports: ctx.ports,
    sources,
    // Referencing a peer VPC's group needs the peering active.
    dependsOn: crossRegion ? [] : activeAfter,
    requestId,
    quotas: ctx.quotas,
    platform,
  });
  return { linkId: peeringId, sources };
}

function checkOverlap(ctx: PlanContext, client: ClientFacts): void {
  const pairs = overlappingPairs(ctx.cluster.cidrs, client.cidrs);
  if (pairs.length === 0) return;
  const mvpcFits = multiVpcFits(client.region, ctx.cluster.region, ctx.input.request.authModes);
  addFinding(ctx.draft, {
    severity: "block",
    code: "cidr-overlap",
    message: `The VPC CIDRs overlap (${pairs.map(([a, b]) => `${a} and ${b}`).join("; ")}), so a peering between them would fail`,
    remedy: mvpcFits
      ? "Ask for multi-VPC private connectivity instead: it reaches the brokers through PrivateLink and tolerates overlapping CIDRs"
      : "Peering cannot join overlapping networks; re-address one VPC, or connect from a VPC in the cluster's Region with IAM, TLS or SCRAM through multi-VPC private connectivity",
    rule: AWS_RULES.peeringOverlap,
  });
}

function sameVpc(a: VpcRef, b: VpcRef): boolean {
  return a.accountId === b.accountId && a.region === b.region && a.vpcId === b.vpcId;
}

/** Either side's discovery may be the one that saw the peering, so both lists are searched. */
function findPeering(
  cluster: VpcRef & { peerings: PeeringFacts[] },
  client: VpcRef & { peerings: PeeringFacts[] },
): PeeringFacts | undefined {
  const between = [...cluster.peerings, ...client.peerings].filter(
    (p) =>
      LIVE_PEERING.includes(p.status) &&
      ((sameVpc(p.requester, cluster) && sameVpc(p.accepter, client)) ||
        (sameVpc(p.requester, client) && sameVpc(p.accepter, cluster))),
  );
  return between.find((p) => p.status === "active") ?? between[0];
}

function addAccept(ctx: PlanContext, peeringId: string | StepRef, accepter: VpcRef, dependsOn: string[] = []): string {
  const key = "accept-peering";
  addStep(ctx.draft, {
    key,
    kind: "accept-peering",
    account: accepter.accountId,
    region: accepter.region,
    command: "AcceptVpcPeeringConnectionCommand",
    input: { VpcPeeringConnectionId: peeringId },
    dependsOn,
    creates: null,
    undo: null,
    summary: `accept the peering in ${accepter.vpcId} (${accepter.accountId}, ${accepter.region})`,
  });
  return key;
}

function checkPeeringQuotas(ctx: PlanContext, client: ClientFacts): void {
  const remedy = "Remove unused peerings, use the transit gateway hub, or ask AWS for a higher quota";
  for (const [side, vpc] of [["cluster", ctx.cluster], ["client", client]] as const) {
    checkQuota(ctx.draft, {
      code: "quota-active-peerings",
      what: `Active peerings of the ${side} VPC ${vpc.vpcId}`,
      used: vpc.peerings.filter((p) => p.status === "active").length,
      adding: 1,
      limit: ctx.quotas.activePeeringsPerVpc,
      rule: AWS_RULES.quotaActivePeerings,
      remedy,
    });
  }
  checkQuota(ctx.draft, {
    code: "quota-outstanding-peerings",
    what: `Outstanding peering requests of account ${ctx.cluster.accountId}`,
    used: ctx.cluster.outstandingPeeringRequests,
    adding: 1,
    limit: ctx.quotas.outstandingPeeringRequests,
    rule: AWS_RULES.quotaOutstandingPeerings,
    remedy: "Accept, reject or delete pending peering requests first (they expire after 7 days)",
  });
}

/** The client resolves the brokers' names, so the MSK side's option is the one to set. */
function planPeeringDns(
  ctx: PlanContext,
  existing: PeeringFacts | undefined,
  peeringId: string | StepRef,
  dependsOn: string[],
): void {
  const { cluster } = ctx;
  const clusterIsRequester = !existing || sameVpc(existing.requester, cluster);
  const clusterSide = existing ? (clusterIsRequester ? existing.requester : existing.accepter) : null;
  if (existing && clusterSide?.allowDnsResolutionFromRemoteVpc) {
    // Relied on, in the id enable-peering-dns records it by: the request that switched it on keeps it on.
    addReuse(ctx.draft, `${existing.peeringId}:${clusterIsRequester ? "requester" : "accepter"}`, { account: cluster.accountId, region: cluster.region });
    return;
  }
  const optionsField = clusterIsRequester ? "RequesterPeeringConnectionOptions" : "AccepterPeeringConnectionOptions";
  const key = "enable-peering-dns";
  addStep(ctx.draft, {
    key,
    kind: "enable-peering-dns",
    account: cluster.accountId,
    region: cluster.region,
    command: "ModifyVpcPeeringConnectionOptionsCommand",
    input: { VpcPeeringConnectionId: peeringId, [optionsField]: { AllowDnsResolutionFromRemoteVpc: true } },
    dependsOn,
    creates: null,
    undo: {
      command: "ModifyVpcPeeringConnectionOptionsCommand",
      input: { VpcPeeringConnectionId: peeringId, [optionsField]: { AllowDnsResolutionFromRemoteVpc: false } },
    },
    summary: `let the client VPC resolve ${cluster.vpcId}'s private names over the peering (cluster, ${cluster.region})`,
  });
}
