import type { SandboxState, TgwAttachment, TransitGateway } from "../../state/types";

/**
 * With DefaultRouteTableAssociation / DefaultRouteTablePropagation enabled, AWS associates a new
 * attachment with the TGW's default association table and propagates it into the default propagation
 * table by itself (Transit Gateway guide, "tgw-route-tables": default route table; CreateTransitGateway
 * options). It does so as the attachment starts provisioning: at creation, or at acceptance for a
 * cross-account attachment waiting in `pendingAcceptance`. While the attachment is `pending` the
 * association is `associating` and the propagation `enabling`.
 */
export function applyDefaultRouteTables(state: SandboxState, tgw: TransitGateway, a: TgwAttachment): void {
  const association = tgw.associationDefaultRouteTableId ? state.tgwRouteTables[tgw.associationDefaultRouteTableId] : undefined;
  if (tgw.defaultRouteTableAssociation === "enable" && association && !a.associatedRouteTableId) {
    a.associatedRouteTableId = association.id;
  }
  const propagation = tgw.propagationDefaultRouteTableId ? state.tgwRouteTables[tgw.propagationDefaultRouteTableId] : undefined;
  if (tgw.defaultRouteTablePropagation === "enable" && propagation && !propagation.propagations.includes(a.id)) {
    propagation.propagations.push(a.id);
  }
}

/** An attachment still provisioning: its associations and propagations cannot be changed yet (IncorrectState). */
export function settling(a: TgwAttachment): boolean {
  return a.state === "pending" || a.state === "pendingAcceptance";
}

/** What DescribeTransitGatewayAttachments shows for an attachment's association. */
export function associationState(a: TgwAttachment): "associating" | "associated" {
  return settling(a) ? "associating" : "associated";
}

/** What the Get…Propagations calls show for a propagation of the attachment. */
export function propagationState(a: TgwAttachment): "enabling" | "enabled" {
  return settling(a) ? "enabling" : "enabled";
}
