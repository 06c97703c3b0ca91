import { kafkaPortsFor } from "../ports";
import { classifyScenario } from "../scenario";
import { chooseMethod } from "./choose-method";
import { clientConnection } from "./client-settings";
import { checkAlreadySatisfied, checkAuthModes } from "./common-checks";
import { makeContext, requireClient } from "./context";
import { addFinding, newDraft } from "./draft";
import type { PlanInput, SgRuleSource } from "./facts";
import { clientIamPolicy } from "./iam-policy";
import { multiVpcPorts, planMultiVpc } from "./multi-vpc-plan";
import { planPeering } from "./peering-plan";
import type { ConnectionPlan, StepRef } from "./plan-types";
import { planSgIngress } from "./sg-steps";
import { buildTopology } from "./topology";
import { planOnPrem, planTgwVpcClient } from "./tgw-plan";

/** From discovered facts to an exact, checked plan. Pure: the same facts always give the same plan. */
export function planConnection(input: PlanInput): ConnectionPlan {
  const { request, cluster, platform } = input;
  const scenario = classifyScenario(request.client, cluster);
  const method = chooseMethod(scenario, request, platform, cluster.region);
  const draft = newDraft();
  const mvpc = method === "multi-vpc-private-connectivity";
  const ports = mvpc ? [] : kafkaPortsFor(request.authModes, { access: "private" });
  const ctx = makeContext(input, ports, draft);
  if (mvpc) ctx.ports = multiVpcPorts(ctx);

  checkAuthModes(draft, cluster, request.authModes);
  if (scenario === "cross-account" && method === "vpc-peering" && platform.crossAccountVpcVia === "transit-gateway") {
    addFinding(draft, {
      severity: "info",
      code: "tgw-hub-other-region",
      message: "Cross-account clients normally go through the TGW hub, but the hub is regional and this client is in another Region",
      remedy: "Nothing to do; the plan uses inter-Region peering",
    });
  }

  let linkId: string | StepRef | null = null;
  let sources: SgRuleSource[] = [];
  const location = request.client;
  if (mvpc) {
    planMultiVpc(ctx, location, location.type === "aws-vpc" ? requireClient(ctx) : null);
  } else if (location.type === "on-prem") {
    ({ linkId, sources } = planOnPrem(ctx, location.cidrs));
  } else if (method === "security-group-only") {
    const client = requireClient(ctx);
    sources = client.securityGroupIds.map((groupId) => ({ kind: "sg", groupId }));
    planSgIngress(draft, {
      account: cluster.accountId,
      region: cluster.region,
      target: ctx.clusterSg,
      allGroups: cluster.securityGroups,
      ports,
      sources,
      dependsOn: [],
      requestId: request.id,
      quotas: ctx.quotas,
      platform,
    });
  } else if (method === "transit-gateway") {
    ({ linkId, sources } = planTgwVpcClient(ctx, requireClient(ctx)));
  } else {
    ({ linkId, sources } = planPeering(ctx, requireClient(ctx)));
  }
  checkAlreadySatisfied(draft);

  const connection = clientConnection(cluster.bootstrap, request.authModes, method);

  return {
    scenario,
    reuses: draft.reuses,
    tgwTableReuses: draft.tgwTableReuses,
    reusedIn: draft.reusedIn,
    method,
    steps: draft.steps,
    preflight: draft.preflight,
    approvable: !draft.preflight.some((f) => f.severity === "block"),
    ports: ctx.ports,
    bootstrap: connection.bootstrap,
    clientSettings: connection.clientSettings,
    iamPolicy: clientIamPolicy(cluster.arn, request.authModes, request.topicAccess),
    topology: buildTopology({ location, client: input.client, cluster, method, linkId, ports: ctx.ports, sources }),
  };
}
