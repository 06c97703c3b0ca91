import "server-only";

import { forbidden, redirect } from "next/navigation";

import { hasPermission, type Permission } from "@/lib/domain/roles";
import { ExpectedError } from "@/lib/errors/expected-error";

import { currentUser, type PortalUser } from "./current-user";

// Every page, server action and route handler calls one of these itself: the proxy/middleware layer is
// not trusted to have checked anything.

export async function requirePageUser(permission?: Permission): Promise<PortalUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (permission && !hasPermission(user.roles, permission)) forbidden();
  return user;
}

export function assertPermission(user: PortalUser, permission: Permission): void {
  if (!hasPermission(user.roles, permission)) {
    throw new ExpectedError("forbidden", "Your role does not allow this.");
  }
}

export async function requireActionUser(permission?: Permission): Promise<PortalUser> {
  const user = await currentUser();
  if (!user) throw new ExpectedError("unauthenticated", "Your session has ended. Sign in again.");
  if (permission) assertPermission(user, permission);
  return user;
}
