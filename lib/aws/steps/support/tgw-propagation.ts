import { GetTransitGatewayRouteTablePropagationsCommand, SearchTransitGatewayRoutesCommand, type EC2Client } from "@aws-sdk/client-ec2";
import type { CallLog } from "./call-log";
import { hasCode } from "./errors";

/**
 * Whether the attachment propagates into the table. GetTransitGatewayRouteTablePropagations is the answer;
 * an endpoint that does not implement it (InvalidAction: the local sandbox, some emulators) is asked for the
 * propagated routes the attachment put in the table instead, which exist once the attachment is available.
 */
export async function propagates(ec2: EC2Client, log: CallLog, tableId: string, attachmentId: string): Promise<boolean> {
  try {
    const out = await log.run(
      ec2.send(
        new GetTransitGatewayRouteTablePropagationsCommand({
          TransitGatewayRouteTableId: tableId,
          Filters: [{ Name: "transit-gateway-attachment-id", Values: [attachmentId] }],
        }),
      ),
    );
    return (out.TransitGatewayRouteTablePropagations ?? []).some(
      (p) => p.TransitGatewayAttachmentId === attachmentId && (p.State === "enabled" || p.State === "enabling"),
    );
  } catch (error) {
    if (!hasCode(error, "InvalidAction")) throw error;
  }
  const routes = await log.run(
    ec2.send(
      new SearchTransitGatewayRoutesCommand({
        TransitGatewayRouteTableId: tableId,
        Filters: [
          { Name: "type", Values: ["propagated"] },
          { Name: "attachment.transit-gateway-attachment-id", Values: [attachmentId] },
        ],
      }),
    ),
  );
  return (routes.Routes ?? []).length > 0;
}
