import type { Role } from "@/lib/domain/roles";
import { ROLES } from "@/lib/domain/roles";

// Turns the identity provider's groups into portal roles and team slugs, from configuration such as
// AUTH_OIDC_ROLE_MAP="msk-approvers=approver,msk-auditors=auditor". Everybody who signs in is a requester.
export function parseRoleMap(spec: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [group, role] = pair.split("=").map((p) => p.trim());
    if (!group || !role || !(ROLES as readonly string[]).includes(role)) {
      throw new Error(`AUTH_OIDC_ROLE_MAP: "${pair}" is not group=role with a role among ${ROLES.join(", ")}`);
    }
    map.set(group, role as Role);
  }
  return map;
}

export function rolesFromGroups(groups: readonly string[], roleMap: Map<string, Role>): Role[] {
  const roles = new Set<Role>(["requester"]);
  for (const group of groups) {
    const role = roleMap.get(group);
    if (role) roles.add(role);
  }
  return ROLES.filter((r) => roles.has(r));
}

export function teamSlugsFromGroups(groups: readonly string[], prefix: string): string[] {
  return groups
    .filter((g) => g.startsWith(prefix) && g.length > prefix.length)
    .map((g) => g.slice(prefix.length).toLowerCase().replace(/[^a-z0-9-]/g, "-"));
}

export function groupsFromClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (typeof value === "string") return value.split(/[,\s]+/).filter(Boolean);
  return [];
}
