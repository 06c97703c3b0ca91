import type { ConnectionPlan } from "../plan/plan-types";
import type { AuthMode } from "../request-input";
import type { Scenario } from "../scenario";

/** What a connection is billed by, read from a plan: the same facts price every method compared. */
export type CostFacts = {
  scenario: Scenario;
  clusterRegion: string;
  /** Null for on-premises and SaaS clients, whose Region the plan does not know. */
  clientRegion: string | null;
  clientVpcId: string | null;
  authModes: readonly AuthMode[];
  /** The transit gateway attachments the plan creates (VPC id and Region of each). */
  newTgwAttachments: { vpcId: string; region: string }[];
  /** Attachments the plan relies on that exist already: they cost nothing new. */
  reusedTgwAttachments: string[];
  /** The VPC connections the plan creates; for a SaaS client the provider creates them. */
  newVpcConnections: number;
};

export function costFactsOf(plan: ConnectionPlan, authModes: readonly AuthMode[]): CostFacts {
  return {
    scenario: plan.scenario,
    clusterRegion: plan.topology.cluster.region ?? "",
    clientRegion: plan.topology.client.region,
    clientVpcId: plan.topology.client.vpcId,
    authModes,
    newTgwAttachments: plan.steps
      .filter((s) => s.kind === "attach-vpc-to-tgw")
      .map((s) => ({ vpcId: typeof s.input.VpcId === "string" ? s.input.VpcId : "a VPC", region: s.region })),
    reusedTgwAttachments: plan.reuses.filter((id) => /^tgw-attach-[0-9a-z]+$/.test(id)),
    newVpcConnections: plan.steps.filter((s) => s.kind === "create-vpc-connection").length,
  };
}
