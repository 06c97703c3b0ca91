import type { StepKind } from "@/lib/domain/plan";
import { acceptPeering } from "./accept-peering";
import { acceptShareInvitation } from "./accept-share-invitation";
import { acceptTgwAttachment } from "./accept-tgw-attachment";
import { associateTgwRouteTable } from "./associate-tgw-route-table";
import { attachVpcToTgw } from "./attach-vpc-to-tgw";
import { authorizeSgIngress } from "./authorize-sg-ingress";
import { createPeering } from "./create-peering";
import { createRoute } from "./create-route";
import { createVpcConnection } from "./create-vpc-connection";
import { createVpcConnectionSg } from "./create-vpc-connection-sg";
import { disableTgwDefaultPropagation } from "./disable-tgw-default-propagation";
import { disassociateTgwDefaultRouteTable } from "./disassociate-tgw-default-route-table";
import { enableMultiVpcConnectivity } from "./enable-multi-vpc-connectivity";
import { enablePeeringDns } from "./enable-peering-dns";
import { enableTgwPropagation } from "./enable-tgw-propagation";
import { putClusterPolicy } from "./put-cluster-policy";
import { shareTgw } from "./share-tgw";
import type { StepExecutor } from "./step-executor";
import { byCommand } from "./support/by-command";

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
  // Taking a new attachment off the TGW's default table is the same relation undone (see tgw-default-tables.ts).
  "associate-tgw-route-table": byCommand(associateTgwRouteTable, { DisassociateTransitGatewayRouteTableCommand: disassociateTgwDefaultRouteTable }),
  "enable-tgw-propagation": byCommand(enableTgwPropagation, { DisableTransitGatewayRouteTablePropagationCommand: disableTgwDefaultPropagation }),
  "enable-multi-vpc-connectivity": enableMultiVpcConnectivity,
  "put-cluster-policy": putClusterPolicy,
  "create-vpc-connection-sg": createVpcConnectionSg,
  "create-vpc-connection": createVpcConnection,
};
