import "server-only";

import { rolesAfterAdminEdit, type IdpManagement } from "@/lib/domain/people/idp-managed";
import type { RegisterPersonInput } from "@/lib/domain/people/person-input";
import { ExpectedError } from "@/lib/errors/expected-error";

import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { db } from "../client";
import { knownTeamIds } from "./known-team-ids";

/**
 * A person known before their first sign-in. With single sign-on their first sign-in (with a verified e-mail)
 * attaches to this record; what the provider manages is set then, not here.
 */
export async function registerPerson(actor: AuditActor, input: RegisterPersonInput, managed: IdpManagement): Promise<string> {
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ExpectedError("conflict", "Some fields need attention.", { email: ["Somebody with this e-mail address is already registered"] });
    }
    const roles = rolesAfterAdminEdit([], input.roles, managed);
    const teamIds = managed.teams ? [] : await knownTeamIds(tx, input.teamIds);
    const user = await tx.user.create({
      data: { email: input.email, name: input.name || input.email, roles, memberships: { create: teamIds.map((teamId) => ({ teamId })) } },
    });
    await recordAuditEvent(tx, { actor, action: "user.create", resourceIds: [user.id], details: { email: user.email, roles, teamIds, via: "people page" } });
    return user.id;
  });
}
