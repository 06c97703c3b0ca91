import "server-only";

import type { PolicyForm } from "@/lib/domain/approval-policy";
import { ExpectedError } from "@/lib/errors/expected-error";

import { asJsonObject } from "../as-json";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { db } from "../client";
import type { Prisma } from "../generated/client";

const label = (actor: AuditActor) => (actor.kind === "user" ? actor.label : (actor.label ?? "system"));

async function checkTeams(tx: Prisma.TransactionClient, form: PolicyForm) {
  const named = [...form.match.teams, ...(form.outcome.kind === "approvals" && form.outcome.fromTeam ? [form.outcome.fromTeam] : [])];
  const found = await tx.team.count({ where: { id: { in: named } } });
  if (found !== new Set(named).size) throw new ExpectedError("bad-request", "Some fields need attention.", { "outcome.fromTeam": ["Choose a team that exists"] });
}

/**
 * Creates a policy (asked just before the default one) or saves the next version of an existing one. The
 * default policy keeps matching everything: only its name, outcome and expiry fields change.
 */
export async function savePolicy(actor: AuditActor, form: PolicyForm, id?: string): Promise<{ id: string; version: number }> {
  return db().$transaction(async (tx) => {
    await checkTeams(tx, form);
    const content = {
      name: form.name,
      outcome: asJsonObject(form.outcome),
      requireEndDate: form.requireEndDate,
      maxDurationDays: form.maxDurationDays,
      decommissionBy: form.decommissionBy,
      createdBy: label(actor),
    };
    if (!id) {
      const last = await tx.approvalPolicy.aggregate({ where: { isDefault: false, deletedAt: null }, _max: { position: true } });
      const created = await tx.approvalPolicy.create({
        data: { position: (last._max.position ?? 0) + 1, versions: { create: { version: 1, ...content, match: asJsonObject(form.match) } } },
      });
      await recordAuditEvent(tx, { actor, action: "approval-policy.create", details: { policyId: created.id, name: form.name, version: 1, ...asJsonObject(form) } });
      return { id: created.id, version: 1 };
    }
    const policy = await tx.approvalPolicy.findFirst({ where: { id, deletedAt: null } });
    if (!policy) throw new ExpectedError("not-found", "No such policy (it may have been deleted).");
    const version = policy.currentVersion + 1;
    const match = policy.isDefault ? {} : asJsonObject(form.match);
    await tx.approvalPolicyVersion.create({ data: { policyId: id, version, ...content, match } });
    await tx.approvalPolicy.update({ where: { id }, data: { currentVersion: version } });
    await recordAuditEvent(tx, { actor, action: "approval-policy.update", details: { policyId: id, name: form.name, version, ...asJsonObject({ ...form, match }) } });
    return { id, version };
  });
}

/** Moves a policy one place earlier or later among the others (the default one stays last). */
export async function movePolicy(actor: AuditActor, id: string, direction: "up" | "down") {
  await db().$transaction(async (tx) => {
    const ordered = await tx.approvalPolicy.findMany({ where: { isDefault: false, deletedAt: null }, orderBy: { position: "asc" }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } });
    const index = ordered.findIndex((p) => p.id === id);
    if (index < 0) throw new ExpectedError("not-found", "No such policy, or it is the default one, which is always asked last.");
    const other = ordered[direction === "up" ? index - 1 : index + 1];
    const moving = ordered[index];
    if (!other || !moving) throw new ExpectedError("conflict", `The policy is already ${direction === "up" ? "first" : "last before the default"}.`);
    // Positions are renumbered 1..n so two saves at once cannot leave equal positions behind.
    const order = ordered.map((p) => p.id);
    order[index] = other.id;
    order[direction === "up" ? index - 1 : index + 1] = moving.id;
    for (const [i, policyId] of order.entries()) await tx.approvalPolicy.update({ where: { id: policyId }, data: { position: i + 1 } });
    const names = order.map((pid) => ordered.find((p) => p.id === pid)?.versions[0]?.name ?? pid);
    await recordAuditEvent(tx, { actor, action: "approval-policy.reorder", details: { policyId: id, name: moving.versions[0]?.name ?? id, direction, order: names } });
  });
}

/** Deletes a policy: it stops matching, and the requests it applied to keep naming it. The default cannot go. */
export async function deletePolicy(actor: AuditActor, id: string) {
  await db().$transaction(async (tx) => {
    const policy = await tx.approvalPolicy.findFirst({ where: { id, deletedAt: null }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } });
    if (!policy) throw new ExpectedError("not-found", "No such policy (it may have been deleted already).");
    if (policy.isDefault) throw new ExpectedError("conflict", "The default policy applies when no other one matches, so it cannot be deleted; edit it instead.");
    await tx.approvalPolicy.update({ where: { id }, data: { deletedAt: new Date() } });
    await recordAuditEvent(tx, { actor, action: "approval-policy.delete", details: { policyId: id, name: policy.versions[0]?.name ?? id, version: policy.currentVersion } });
  });
}
