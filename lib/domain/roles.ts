export const ROLES = ["requester", "approver", "auditor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "request:create",
  "request:read-own-team",
  "request:read-all",
  "request:approve",
  "request:operate",
  "audit:read",
  "catalog:read",
  "catalog:manage",
  "token:manage-own",
  "people:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  requester: ["request:create", "request:read-own-team", "catalog:read", "token:manage-own"],
  // Approvers may file requests too; separation of duties stops them approving their own.
  approver: [
    "request:create",
    "request:read-own-team",
    "request:read-all",
    "request:approve",
    "request:operate",
    "audit:read",
    "catalog:read",
    "token:manage-own",
  ],
  auditor: ["request:read-own-team", "request:read-all", "audit:read", "catalog:read", "token:manage-own"],
  admin: PERMISSIONS,
};

export const ROLE_LABELS: Record<Role, string> = {
  requester: "Requester",
  approver: "Approver",
  auditor: "Auditor",
  admin: "Administrator",
};

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return PERMISSIONS.filter((p) => hasPermission(roles, p));
}
