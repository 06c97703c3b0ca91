export { planConnection } from "./plan-connection";
export { CONNECTION_METHODS, STEP_KINDS, TGW_TABLE_RELATIONS } from "./plan-types";
export type {
  ClientSettings,
  ConnectionMethod,
  ConnectionPlan,
  PlanStep,
  PreflightFinding,
  PreflightSeverity,
  StepKind,
  StepRef,
  Topology,
  TopologyEnd,
  TgwTableRelation,
  TgwTableReuse,
} from "./plan-types";
export type {
  BootstrapBrokers,
  ClientFacts,
  ClusterFacts,
  MultiVpcAuthMode,
  PeeringFacts,
  PlanInput,
  PlanRequest,
  PlatformSettings,
  PolicyDocument,
  PolicyStatement,
  Quotas,
  RouteFacts,
  RouteTableFacts,
  SecurityGroupFacts,
  SgIngressRule,
  SgRuleSource,
  SubnetFacts,
  TgwAttachmentFacts,
  TopicAccess,
  TransitHub,
  VpcNetworkFacts,
} from "./facts";
export { isRef, parseRef } from "./draft";
export { AWS_RULES, DEFAULT_QUOTAS } from "./rules";
export { clientIamPolicy } from "./iam-policy";
