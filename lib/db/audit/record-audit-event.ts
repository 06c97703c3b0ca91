import type { Prisma } from "../generated/client";

export type AuditActor = { kind: "user"; userId: string; label: string } | { kind: "system"; label?: string };

export type AuditEventInput = {
  actor: AuditActor;
  action: string;
  requestId?: string;
  accountId?: string;
  region?: string;
  resourceIds?: string[];
  details?: Prisma.InputJsonObject;
};

// Always called inside the transaction that made the change it describes: the change and its record
// commit together or not at all.
export async function recordAuditEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actor.kind === "user" ? event.actor.userId : null,
      actorLabel: event.actor.kind === "user" ? event.actor.label : (event.actor.label ?? "system"),
      action: event.action,
      requestId: event.requestId ?? null,
      accountId: event.accountId ?? null,
      region: event.region ?? null,
      resourceIds: event.resourceIds ?? [],
      details: event.details ?? {},
    },
  });
}
