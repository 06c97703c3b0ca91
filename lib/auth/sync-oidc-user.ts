import "server-only";

import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/db/audit/record-audit-event";
import { idpManagement, rolesAfterSignIn } from "@/lib/domain/people/idp-managed";

import { groupsFromClaim, parseRoleMap, rolesFromGroups, teamSlugsFromGroups } from "./role-mapping";

export type OidcSignIn = { ok: true; userId: string } | { ok: false; code: OidcRefusal };
export type OidcRefusal = "no-email" | "unverified-email" | "deactivated";

// Some providers send the claim as the string "true".
const emailVerified = (profile: Record<string, unknown>) => profile.email_verified === true || profile.email_verified === "true";

// The identity provider is the source of truth for the roles it manages (those AUTH_OIDC_ROLE_MAP names, and
// "requester") and for teams: each sign-in brings the user's record in line with the groups claim, so removing
// someone from a group takes effect at their next sign-in. The e-mail is who the person is here (a pre-registered
// record is found by it), so an address the provider has not verified signs in nobody.
type Standing = { roles: readonly string[]; teams: readonly string[] };

function changesOf(before: Standing, after: Standing) {
  const added = (from: readonly string[], to: readonly string[]) => to.filter((x) => !from.includes(x)).sort();
  const change = {
    rolesAdded: added(before.roles, after.roles),
    rolesRemoved: added(after.roles, before.roles),
    teamsAdded: added(before.teams, after.teams),
    teamsRemoved: added(after.teams, before.teams),
  };
  return Object.values(change).some((list) => list.length > 0) ? change : null;
}

export async function syncOidcUser(profile: Record<string, unknown>): Promise<OidcSignIn> {
  const email = typeof profile.email === "string" ? profile.email.toLowerCase() : null;
  if (!email) return { ok: false, code: "no-email" };
  if (!emailVerified(profile)) return { ok: false, code: "unverified-email" };
  const env = config();
  const roleMap = parseRoleMap(env.AUTH_OIDC_ROLE_MAP);
  // Called only for a single sign-on sign-in, so the provider manages what it manages whatever else is configured.
  const managed = idpManagement(true, roleMap.values());
  const groups = groupsFromClaim(profile[env.AUTH_OIDC_GROUPS_CLAIM]);
  const fromGroups = rolesFromGroups(groups, roleMap);
  const slugs = teamSlugsFromGroups(groups, env.AUTH_OIDC_TEAM_PREFIX);
  const name = typeof profile.name === "string" && profile.name ? profile.name : email;

  return db().$transaction(async (tx): Promise<OidcSignIn> => {
    const existing = await tx.user.findUnique({ where: { email } });
    if (existing?.deactivatedAt) return { ok: false, code: "deactivated" };
    const roles = existing ? rolesAfterSignIn(existing.roles, fromGroups, managed) : fromGroups;
    const saved = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { name, roles } })
      : await tx.user.create({ data: { email, name, roles } });
    if (!existing) {
      await recordAuditEvent(tx, { actor: { kind: "system", label: "single sign-on" }, action: "user.create", resourceIds: [saved.id], details: { email, roles, via: "sign-in" } });
    }
    const teamsBefore = existing ? (await tx.membership.findMany({ where: { userId: saved.id }, select: { team: { select: { slug: true } } } })).map((m) => m.team.slug) : [];
    const teams = await Promise.all(
      slugs.map((slug) => tx.team.upsert({ where: { slug }, create: { slug, name: slug }, update: {} })),
    );
    await tx.membership.deleteMany({ where: { userId: saved.id, teamId: { notIn: teams.map((t) => t.id) } } });
    // What the identity provider changed about an existing person (roles, teams) is on the audit, like an admin's change.
    const change = existing ? changesOf({ roles: existing.roles, teams: teamsBefore }, { roles, teams: slugs }) : null;
    if (change) {
      await recordAuditEvent(tx, { actor: { kind: "system", label: "single sign-on" }, action: "user.sync", resourceIds: [saved.id], details: { email, ...change } });
    }
    await tx.membership.createMany({
      data: teams.map((t) => ({ userId: saved.id, teamId: t.id })),
      skipDuplicates: true,
    });
    return { ok: true, userId: saved.id };
  });
}
