import type { RequestContext } from "../../state/world";
import {
  acceptResourceShareInvitation,
  getResourceShareAssociations,
  getResourceShareInvitations,
  getResourceShares,
  listResources,
} from "./ram-queries";
import { associateResourceShare, createResourceShare, disassociateResourceShare } from "./ram-shares";

export const RAM_OPERATIONS: Record<string, (ctx: RequestContext, body: string) => unknown> = {
  CreateResourceShare: createResourceShare,
  AssociateResourceShare: associateResourceShare,
  DisassociateResourceShare: disassociateResourceShare,
  GetResourceShares: getResourceShares,
  GetResourceShareAssociations: getResourceShareAssociations,
  GetResourceShareInvitations: getResourceShareInvitations,
  AcceptResourceShareInvitation: acceptResourceShareInvitation,
  ListResources: listResources,
};
