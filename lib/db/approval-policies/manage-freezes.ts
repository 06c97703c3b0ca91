import "server-only";

import type { FreezeForm } from "@/lib/domain/approval-policy";
import { ExpectedError } from "@/lib/errors/expected-error";

import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { db } from "../client";
import { visibleRequestsWhere, type Viewer } from "../requests/request-visibility";

const label = (actor: AuditActor) => (actor.kind === "user" ? actor.label : (actor.label ?? "system"));

export async function createFreeze(actor: AuditActor, form: FreezeForm) {
  if (form.endsAt <= new Date()) throw new ExpectedError("bad-request", "Some fields need attention.", { endsAt: ["The freeze must end in the future"] });
  return db().$transaction(async (tx) => {
    const freeze = await tx.changeFreeze.create({ data: { ...form, createdBy: label(actor) } });
    await recordAuditEvent(tx, {
      actor,
      action: "change-freeze.create",
      details: { freezeId: freeze.id, startsAt: form.startsAt.toISOString(), endsAt: form.endsAt.toISOString(), reason: form.reason },
    });
    return freeze;
  });
}

/** Removes a freeze (a future one, or one that should end now): what it held goes ahead at the worker's next sweep. */
export async function deleteFreeze(actor: AuditActor, id: string) {
  await db().$transaction(async (tx) => {
    const freeze = await tx.changeFreeze.findUnique({ where: { id } });
    if (!freeze) throw new ExpectedError("not-found", "No such freeze (it may have been removed already).");
    await tx.changeFreeze.delete({ where: { id } });
    await recordAuditEvent(tx, {
      actor,
      action: "change-freeze.delete",
      details: { freezeId: id, startsAt: freeze.startsAt.toISOString(), endsAt: freeze.endsAt.toISOString(), reason: freeze.reason },
    });
  });
}

/** An admin lets one request through every change freeze, with the reason, on the request's own history. */
export async function overrideFreeze(actor: AuditActor & { kind: "user" }, viewer: Viewer, requestId: string, reason: string) {
  await db().$transaction(async (tx) => {
    const request = await tx.accessRequest.findFirst({ where: { id: requestId, ...visibleRequestsWhere(viewer) }, select: { id: true, status: true } });
    if (!request) throw new ExpectedError("not-found", "No such request.");
    if (request.status !== "SUBMITTED" && request.status !== "APPROVED") {
      throw new ExpectedError("conflict", "Only a request waiting for approval or for provisioning can be let through a freeze.");
    }
    const existing = await tx.freezeOverride.findUnique({ where: { requestId } });
    if (existing) throw new ExpectedError("conflict", `This request already goes ahead through freezes (${existing.createdBy}: ${existing.reason}).`);
    await tx.freezeOverride.create({ data: { requestId, reason, createdBy: actor.label } });
    await recordAuditEvent(tx, { actor, action: "request.freeze-override", requestId, details: { reason } });
  });
}

/** Freezes that have not ended yet, soonest first. */
export function listCurrentFreezes(now = new Date()) {
  return db().changeFreeze.findMany({ where: { endsAt: { gt: now } }, orderBy: { startsAt: "asc" } });
}
