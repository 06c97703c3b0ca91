import type { AuthMode } from "../request-input";
import type { Scenario } from "../scenario";
import type { PolicyDocument } from "./facts";

export const CONNECTION_METHODS = [
  "security-group-only",
  "vpc-peering",
  "transit-gateway",
  "multi-vpc-private-connectivity",
] as const;
export type ConnectionMethod = (typeof CONNECTION_METHODS)[number];

/** What a requester may ask for instead of the method the planner would choose (AccessRequest.preferredMethod). */
export const PREFERRED_METHODS = ["multi-vpc-private-connectivity"] as const satisfies readonly ConnectionMethod[];
export type PreferredMethod = (typeof PREFERRED_METHODS)[number];

export const STEP_KINDS = [
  "create-peering",
  "accept-peering",
  "enable-peering-dns",
  "create-route",
  "authorize-sg-ingress",
  "share-tgw",
  "accept-share-invitation",
  "attach-vpc-to-tgw",
  "accept-tgw-attachment",
  "associate-tgw-route-table",
  "enable-tgw-propagation",
  "enable-multi-vpc-connectivity",
  "put-cluster-policy",
  "create-vpc-connection-sg",
  "create-vpc-connection",
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** A value an earlier step produces, e.g. { $ref: "create-peering.VpcPeeringConnectionId" }. */
export type StepRef = { $ref: string };

export type PlanStep = {
  key: string;
  kind: StepKind;
  account: string;
  region: string;
  command: string;
  input: Record<string, unknown>;
  dependsOn: string[];
  creates: { type: string; ref?: string } | null;
  undo: { command: string; input: Record<string, unknown> } | null;
  summary: string;
};

export type PreflightSeverity = "block" | "warn" | "info";

export type PreflightFinding = {
  severity: PreflightSeverity;
  code: string;
  message: string;
  remedy: string;
  rule?: string;
};

export type ClientSettings = Partial<
  Record<AuthMode, { bootstrap: string | null; java: Record<string, string>; librdkafka: Record<string, string>; notes: string[] }>
>;

export type TopologyEnd = { label: string; account: string | null; region: string | null; vpcId: string | null; cidrs: string[] };

export type Topology = {
  client: TopologyEnd;
  cluster: TopologyEnd;
  link: { kind: ConnectionMethod; id: string | null; label: string };
  securityGroupRule: { groupId: string; ports: number[]; sources: string[] } | null;
};

export type ConnectionPlan = {
  scenario: Scenario;
  method: ConnectionMethod;
  steps: PlanStep[];
  preflight: PreflightFinding[];
  /** False when any finding blocks: such a plan cannot be approved. */
  approvable: boolean;
  ports: number[];
  bootstrap: string | null;
  clientSettings: ClientSettings;
  iamPolicy: PolicyDocument | null;
  topology: Topology;
  /** Existing resources the plan relies on rather than creates (see addReuse); claimed as relied-on (ResourceClaim) when the request is approved. */
  reuses: string[];
  /** What each `tgw-rtb-…|tgw-attach-…` among `reuses` stands for (see addTgwTableReuse). */
  tgwTableReuses: TgwTableReuse[];
  /** Where each of `reuses` was found: its claim's account and Region, so a check reads it there and nowhere else. */
  reusedIn: ReusedPlace[];
};

/** The account and Region a relied-on resource lives in (for a TGW route table: its owner, the hub). */
export type ReusedPlace = { id: string; account: string; region: string };

/**
 * The executors record an association, a propagation and the removal of a default one under the same
 * `tgw-rtb-…|tgw-attach-…` id, so the plan says which of them it relies on: the pair staying linked, or a
 * default link another request took away staying away.
 */
export const TGW_TABLE_RELATIONS = ["associated", "propagating", "not-associated", "not-propagating"] as const;
export type TgwTableRelation = (typeof TGW_TABLE_RELATIONS)[number];
export type TgwTableReuse = { id: string; relation: TgwTableRelation };
