import type { StepKind } from "@/lib/domain/plan";
import { acceptPeering } from "./accept-peering";
import { acceptShareInvitation } from "./accept-share-invitation";
import { acceptTgwAttachment } from "./accept-tgw-attachment";
import { associateTgwRouteTable } from "./associate-tgw-route-table";
import { attachVpcToTgw } from "./attach-vpc-to-tgw";
import { authorizeSgIngress } from "./authorize-sg-ingress";
import { createPeering } from "./create-peering";
import { createRoute } from "./create-route";
import { createTgwRoute } from "./create-tgw-route";
import { createVpcConnection } from "./create-vpc-connection";
import { enableMultiVpcConnectivity } from "./enable-multi-vpc-connectivity";
import { enablePeeringDns } from "./enable-peering-dns";
import { enableTgwPropagation } from "./enable-tgw-propagation";
import { putClusterPolicy } from "./put-cluster-policy";
import { shareTgw } from "./share-tgw";
import type { StepExecutor } from "./step-executor";

/** A Record over StepKind, so a new kind in the planner fails to compile here until it has an executor. */
export const EXECUTORS: Record<StepKind, StepExecutor> = {
  "create-peering": createPeering,
  "accept-peering": acceptPeering,
  "enable-peering-dns": enablePeeringDns,
  "create-route": createRoute,
  "authorize-sg-ingress": authorizeSgIngress,
  "share-tgw": shareTgw,
  "accept-share-invitation": acceptShareInvitation,
  "attach-vpc-to-tgw": attachVpcToTgw,
  "accept-tgw-attachment": acceptTgwAttachment,
  "associate-tgw-route-table": associateTgwRouteTable,
  "enable-tgw-propagation": enableTgwPropagation,
  "create-tgw-route": createTgwRoute,
  "enable-multi-vpc-connectivity": enableMultiVpcConnectivity,
  "put-cluster-policy": putClusterPolicy,
  "create-vpc-connection": createVpcConnection,
};
