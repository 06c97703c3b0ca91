import type { TransitGatewayAttachment } from "@aws-sdk/client-ec2";
import type { StepContext } from "../step-executor";
import { StepConflictError } from "./errors";
import type { Progress } from "./progress";
import { attachment, isLive } from "./tgw";

export type AttachmentReadiness = { ready: true; attachment: TransitGatewayAttachment } | { ready: false; reason: string };

/**
 * Associations and propagations need the attachment `available`: AWS answers IncorrectState while it is
 * pending (Transit Gateway guide, tgw-route-tables). A same-account or auto-accepted attachment has no
 * acceptance step to wait for it, so the route table steps wait themselves instead of spending retries.
 */
export async function readyAttachment(ctx: StepContext, progress: Progress, id: string): Promise<AttachmentReadiness> {
  const a = await attachment(ctx.access.ec2(ctx.step.account, ctx.step.region), progress.log, id);
  if (!a || !isLive(a)) throw new StepConflictError("TransitGatewayAttachmentGone", `Attachment ${id} is ${a?.State ?? "gone"}`);
  if (a.State === "available") return { ready: true, attachment: a };
  const reason = a.State === "pendingAcceptance" ? `attachment ${id} waits for the transit gateway owner to accept it` : `attachment ${id} is ${a.State ?? "unknown"}`;
  return { ready: false, reason };
}

/** The attachment's association unless it is going away. */
export function currentAssociation(a: TransitGatewayAttachment): TransitGatewayAttachment["Association"] | null {
  const assoc = a.Association;
  return assoc && assoc.State !== "disassociated" && assoc.State !== "disassociating" ? assoc : null;
}
