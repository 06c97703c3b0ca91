import { ROLES, type Role } from "../roles";

/** What the identity provider decides at each sign-in, so an administrator's edit of it would not last. */
export type IdpManagement = { roles: readonly Role[]; teams: boolean };

export const NOTHING_MANAGED: IdpManagement = { roles: [], teams: false };

/**
 * With single sign-on on, every sign-in grants "requester", sets the roles AUTH_OIDC_ROLE_MAP names from the
 * groups claim and replaces the teams with the groups' teams. Roles the map does not name stay the administrator's.
 */
export function idpManagement(oidcEnabled: boolean, mappedRoles: Iterable<Role>): IdpManagement {
  if (!oidcEnabled) return NOTHING_MANAGED;
  const managed = new Set<Role>(["requester", ...mappedRoles]);
  return { roles: ROLES.filter((r) => managed.has(r)), teams: true };
}

/** The roles after a sign-in: the provider's answer for the roles it manages, the stored ones for the rest. */
export function rolesAfterSignIn(stored: readonly Role[], fromGroups: readonly Role[], managed: IdpManagement): Role[] {
  const kept = stored.filter((r) => !managed.roles.includes(r));
  const granted = fromGroups.filter((r) => managed.roles.includes(r));
  return ROLES.filter((r) => kept.includes(r) || granted.includes(r));
}

/** The roles an administrator asked for, with the managed ones left as they are. */
export function rolesAfterAdminEdit(stored: readonly Role[], asked: readonly Role[], managed: IdpManagement): Role[] {
  const editable = (r: Role) => !managed.roles.includes(r);
  return ROLES.filter((r) => (editable(r) ? asked.includes(r) : stored.includes(r)));
}
