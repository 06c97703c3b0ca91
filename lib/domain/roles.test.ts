import { describe, expect, it } from "vitest";
import { hasPermission, PERMISSIONS, ROLES, type Permission, type Role } from "./roles";

const GRANTED: Record<Role, readonly Permission[]> = {
  requester: ["request:create", "request:read-own-team", "catalog:read", "token:manage-own"],
  approver: ["request:create", "request:read-own-team", "request:read-all", "request:approve", "request:operate", "audit:read", "catalog:read", "token:manage-own"],
  auditor: ["request:read-own-team", "request:read-all", "audit:read", "catalog:read", "token:manage-own"],
  admin: PERMISSIONS,
};

describe("hasPermission", () => {
  const table = ROLES.flatMap((role) => PERMISSIONS.map((p) => [role, p, GRANTED[role].includes(p)] as const));
  it.each(table)("%s / %s -> %s", (role, permission, expected) => {
    expect(hasPermission([role], permission)).toBe(expected);
  });

  it("no roles grant nothing", () => {
    expect(PERMISSIONS.some((p) => hasPermission([], p))).toBe(false);
  });

  it("roles add up", () => {
    expect(hasPermission(["requester", "auditor"], "audit:read")).toBe(true);
    expect(hasPermission(["requester", "auditor"], "request:approve")).toBe(false);
  });
});
