import "server-only";

import { config } from "@/lib/config";
import { db } from "@/lib/db/client";

import { groupsFromClaim, parseRoleMap, rolesFromGroups, teamSlugsFromGroups } from "./role-mapping";

// The identity provider is the source of truth for roles and teams: each sign-in brings the user's record
// in line with the groups claim, so removing someone from a group takes effect at their next sign-in.
export async function syncOidcUser(profile: Record<string, unknown>): Promise<string | null> {
  const email = typeof profile.email === "string" ? profile.email.toLowerCase() : null;
  if (!email) return null;
  const env = config();
  const groups = groupsFromClaim(profile[env.AUTH_OIDC_GROUPS_CLAIM]);
  const roles = rolesFromGroups(groups, parseRoleMap(env.AUTH_OIDC_ROLE_MAP));
  const slugs = teamSlugsFromGroups(groups, env.AUTH_OIDC_TEAM_PREFIX);
  const name = typeof profile.name === "string" && profile.name ? profile.name : email;

  const user = await db().$transaction(async (tx) => {
    const saved = await tx.user.upsert({ where: { email }, create: { email, name, roles }, update: { name, roles } });
    const teams = await Promise.all(
      slugs.map((slug) => tx.team.upsert({ where: { slug }, create: { slug, name: slug }, update: {} })),
    );
    await tx.membership.deleteMany({ where: { userId: saved.id, teamId: { notIn: teams.map((t) => t.id) } } });
    await tx.membership.createMany({
      data: teams.map((t) => ({ userId: saved.id, teamId: t.id })),
      skipDuplicates: true,
    });
    return saved;
  });
  return user.id;
}
