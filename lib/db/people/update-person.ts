import "server-only";

import { rolesAfterAdminEdit, type IdpManagement } from "@/lib/domain/people/idp-managed";
import { lastAdminRefusal } from "@/lib/domain/people/last-admin";
import type { UpdatePersonInput } from "@/lib/domain/people/person-input";
import { ExpectedError } from "@/lib/errors/expected-error";

import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { db } from "../client";
import { revokeUserSessions } from "../sessions/revoke-sessions";
import { lockActiveAdminIds } from "./active-admins";
import { knownTeamIds } from "./known-team-ids";

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * New roles and teams for a person. What the identity provider manages is kept as it is. A change ends the
 * person's sessions, so nobody keeps working in a page rendered for their old access.
 */
export async function updatePerson(actor: AuditActor & { kind: "user" }, input: UpdatePersonInput, managed: IdpManagement): Promise<"updated" | "unchanged"> {
  return db().$transaction(async (tx) => {
    const admins = await lockActiveAdminIds(tx);
    const user = await tx.user.findUnique({ where: { id: input.userId }, include: { memberships: true } });
    if (!user) throw new ExpectedError("not-found", "No such person.");
    const roles = rolesAfterAdminEdit(user.roles, input.roles, managed);
    const before = user.memberships.map((m) => m.teamId);
    const teamIds = managed.teams ? before : await knownTeamIds(tx, input.teamIds);
    const refusal = lastAdminRefusal(admins, { targetUserId: user.id, roles }, actor.userId);
    if (refusal) throw new ExpectedError("conflict", refusal, { roles: [refusal] });
    if (same(roles, user.roles) && same(teamIds, before)) return "unchanged";

    await tx.user.update({ where: { id: user.id }, data: { roles } });
    await tx.membership.deleteMany({ where: { userId: user.id, teamId: { notIn: teamIds } } });
    await tx.membership.createMany({ data: teamIds.map((teamId) => ({ userId: user.id, teamId })), skipDuplicates: true });
    const sessionsRevoked = await revokeUserSessions(tx, user.id);
    await recordAuditEvent(tx, {
      actor,
      action: "user.update",
      resourceIds: [user.id],
      details: { email: user.email, roles: { before: user.roles, after: roles }, teamIds: { before, after: teamIds }, sessionsRevoked },
    });
    return "updated";
  });
}
