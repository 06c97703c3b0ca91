import type { Actor, RequestParties } from "./lifecycle";
import { hasPermission } from "./roles";

export type Person = Extract<Actor, { kind: "user" }>;

// The relations between a person and a request that every rule about requests is built from; the lifecycle
// and the permission policy both ask these, so "the requesting team" means one thing.
export const isAdmin = (a: Person): boolean => a.roles.includes("admin");
export const isApprover = (a: Person): boolean => hasPermission(a.roles, "request:approve");
export const isOperator = (a: Person): boolean => hasPermission(a.roles, "request:operate");
export const isRequestingTeamMember = (a: Person, r: Pick<RequestParties, "teamId">): boolean =>
  a.teamIds.includes(r.teamId) && hasPermission(a.roles, "request:create");
