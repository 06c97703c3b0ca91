import "server-only";

import { notify } from "@/lib/db/notifications/notify";

import { asJsonObject } from "../as-json";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import type { Prisma } from "../generated/client";

type Tx = Prisma.TransactionClient;
type Extension = { id: string; fromEndsAt: Date; toEndsAt: Date };
export type ExtensionSettlement = {
  requestId: string;
  extension: Extension;
  /** Who decided: a person, or the approval policy by itself. */
  by: AuditActor;
  comment: string | null;
  /** Said in the audit beside the dates: the policy that decided, or how far the approvals had come. */
  details?: Record<string, unknown>;
  now: Date;
};

const dates = (e: Extension) => ({ extensionId: e.id, from: e.fromEndsAt.toISOString(), to: e.toEndsAt.toISOString() });

/** The end date moves, the extension is approved, audited and announced; reminders start again for the new date. */
export async function approveExtension(tx: Tx, s: ExtensionSettlement): Promise<void> {
  await tx.accessRequest.update({ where: { id: s.requestId }, data: { endsAt: s.extension.toEndsAt } });
  await settle(tx, s, "APPROVED");
  const details = { ...dates(s.extension), ...(s.comment ? { comment: s.comment } : {}), ...s.details };
  await recordAuditEvent(tx, { actor: s.by, action: "request.extension-approved", requestId: s.requestId, details: asJsonObject(details) });
  const actorId = s.by.kind === "user" ? s.by.userId : null;
  await notify(tx, { type: "request.extended", requestId: s.requestId, actorId, details: { ...details, endsAt: details.to } });
}

/** The end date stays; the extension is rejected with its reason, audited. */
export async function rejectExtension(tx: Tx, s: ExtensionSettlement): Promise<void> {
  await settle(tx, s, "REJECTED");
  const details = { ...dates(s.extension), ...(s.comment ? { comment: s.comment } : {}), ...s.details };
  await recordAuditEvent(tx, { actor: s.by, action: "request.extension-rejected", requestId: s.requestId, details: asJsonObject(details) });
}

function settle(tx: Tx, s: ExtensionSettlement, status: "APPROVED" | "REJECTED") {
  return tx.requestExtension.update({
    where: { id: s.extension.id },
    data: { status, decidedById: s.by.kind === "user" ? s.by.userId : null, decisionComment: s.comment, decidedAt: s.now },
  });
}
