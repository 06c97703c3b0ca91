import { extensionDecision, type ExtensionFacts, type ExtensionQuestion } from "./expiry/extension-permissions";
import { decideTransition, type LifecycleAction, type RequestParties, type RequestStatus } from "./lifecycle";
import { isApprover, isOperator, isRequestingTeamMember, type Person } from "./request-parties";
import { hasPermission, type Permission, type Role } from "./roles";

export type { Person } from "./request-parties";
export type { ExtensionFacts, ExtensionQuestion } from "./expiry/extension-permissions";

export const personOf = (user: { id: string; roles: readonly Role[]; teamIds: readonly string[] }): Person => ({
  kind: "user",
  userId: user.id,
  roles: user.roles,
  teamIds: user.teamIds,
});

/** What the policy needs to know about a request: who filed it, for which team, and where it stands. */
export type RequestFacts = RequestParties & { status: RequestStatus };

export type PermissionDecision =
  | { ok: true }
  | { ok: false; code: "unauthenticated" | "forbidden" | "separation-of-duties" | "invalid-transition"; reason: string };

// Questions about the person alone (may they see this page, manage the platform, …).
const ROLE_QUESTIONS = {
  "request.list": ["request:read-own-team"],
  "request.list-all": ["request:read-all"],
  "request.create": ["request:create"],
  "approvals.view": ["request:approve"],
  "audit.read": ["audit:read"],
  // The platform's overview (queue, provisioning, failures, drift, trends) is for those who see every request.
  "dashboard.view": ["request:read-all"],
  "catalog.read": ["catalog:read"],
  // Reading AWS into the catalog is part of an approver's work as much as an administrator's.
  "catalog.refresh": ["catalog:manage", "request:approve"],
  "platform.manage": ["catalog:manage"],
  // Approval policies decide who must approve what; change freezes (and overriding one for a request) stop
  // approvals and provisioning across the platform: both are platform administration.
  "approval-policy.manage": ["catalog:manage"],
  "change-freeze.manage": ["catalog:manage"],
  // Everyone who follows requests has their own notifications and chooses how they arrive.
  "notifications.own": ["request:read-own-team"],
  // Outgoing webhooks send every request's events out of the portal: platform administration.
  "webhooks.manage": ["catalog:manage"],
  "token.manage-own": ["token:manage-own"],
  // Registering people, changing their roles and teams, deactivating them and revoking anyone's sessions or tokens.
  "people.manage": ["people:manage"],
  // Every team's client VPC connections to a cluster, not only those of the viewer's own requests.
  "connection.watch-all": ["request:read-all"],
  // Rejecting a client VPC connection cuts a client off the cluster: operators' work, as rolling back is.
  "connection.reject": ["request:operate"],
} as const satisfies Record<string, readonly Permission[]>;
export type RoleQuestion = keyof typeof ROLE_QUESTIONS;

/** The lifecycle actions a person takes (the rest are the provisioner's). */
export const PEOPLE_ACTIONS = [
  "approve",
  "reject",
  "cancel",
  "retry",
  "rollback",
  "decommission",
  "reapply",
] as const satisfies readonly LifecycleAction[];
type PeopleAction = (typeof PEOPLE_ACTIONS)[number];
export type RequestQuestion = `request.${PeopleAction}` | "request.replan" | "request.drift-check" | "request.client-check";

/** Questions about the person and a team: may they file a request for it. */
export type TeamQuestion = "request.create-for-team";
/** The team asked about; null when none was chosen. */
export type TeamFacts = { teamId: string | null };

const FORBIDDEN = "Your role does not allow this.";
const allowed: PermissionDecision = { ok: true };
const refuse = (code: Exclude<PermissionDecision, { ok: true }>["code"], reason: string): PermissionDecision => ({
  ok: false,
  code,
  reason,
});

export function isRoleQuestion(question: string): question is RoleQuestion {
  return question in ROLE_QUESTIONS;
}

function roleDecision(person: Person, question: RoleQuestion): PermissionDecision {
  const needs: readonly Permission[] = ROLE_QUESTIONS[question];
  return needs.some((p) => hasPermission(person.roles, p)) ? allowed : refuse("forbidden", FORBIDDEN);
}

// Re-planning and the drift check read AWS and write the request and its audit trail, so they belong to the
// people responsible for the request (its team, approvers, operators), never to a read-only role.
function requestDecision(person: Person, question: RequestQuestion, request: RequestFacts): PermissionDecision {
  if (question === "request.replan") {
    if (!isApprover(person) && !isRequestingTeamMember(person, request))
      return refuse("forbidden", "Your role does not allow re-planning this request.");
    return request.status === "SUBMITTED"
      ? allowed
      : refuse("invalid-transition", "Only a request waiting for a decision can be re-planned.");
  }
  if (question === "request.drift-check") {
    if (!isOperator(person) && !isRequestingTeamMember(person, request))
      return refuse("forbidden", "Your role does not allow checking this request against AWS.");
    return request.status === "ACTIVE" ? allowed : refuse("invalid-transition", "Only an active connection can be checked.");
  }
  // A check command runs on the client's host and reports what it reached: for the people who run that client
  // (its team) and the operators who answer for the path.
  if (question === "request.client-check") {
    if (!isOperator(person) && !isRequestingTeamMember(person, request))
      return refuse("forbidden", "Your role does not allow creating a check command for this request.");
    return request.status === "ACTIVE" ? allowed : refuse("invalid-transition", "Only an active connection can be checked from its client.");
  }
  const action = PEOPLE_ACTIONS.find((a) => question === `request.${a}`);
  if (!action) throw new Error(`unknown question ${question}`);
  const decision = decideTransition({ status: request.status, action, actor: person, request });
  return decision.ok ? allowed : refuse(decision.code, decision.reason);
}

// A request belongs to the team it is filed for: its members follow it, act on it and later decommission it,
// so nobody files for a team they are not in, whatever their role.
function teamDecision(person: Person, team: TeamFacts): PermissionDecision {
  const role = roleDecision(person, "request.create");
  if (!role.ok) return role;
  if (team.teamId !== null && person.teamIds.includes(team.teamId)) return allowed;
  return refuse("forbidden", person.teamIds.length === 0 ? "You are not a member of any team yet." : "Choose one of your teams.");
}

/**
 * The one answer to "may this person do this": pages, server actions, API routes and the UI's show/hide all
 * ask it. `null` is somebody who is not signed in.
 */
export function may(person: Person | null, question: RoleQuestion): PermissionDecision;
export function may(person: Person | null, question: RequestQuestion, request: RequestFacts): PermissionDecision;
export function may(person: Person | null, question: TeamQuestion, team: TeamFacts): PermissionDecision;
export function may(person: Person | null, question: ExtensionQuestion, request: ExtensionFacts): PermissionDecision;
export function may(
  person: Person | null,
  question: RoleQuestion | RequestQuestion | TeamQuestion | ExtensionQuestion,
  about?: RequestFacts | TeamFacts | ExtensionFacts,
): PermissionDecision {
  if (!person) return refuse("unauthenticated", "Sign in first.");
  if (isRoleQuestion(question)) return roleDecision(person, question);
  if (!about) throw new Error(`${question} is asked about a request or a team`);
  if (question === "request.create-for-team") return teamDecision(person, about);
  // Extensions: deciding one follows the rule for approving a request; approving one, its policy too.
  if (question === "extension.request" || question === "extension.decide" || question === "extension.approve") {
    if (!("pendingExtension" in about)) throw new Error(`${question} is asked about a request and its extension`);
    return extensionDecision(person, question, about);
  }
  if (!("status" in about)) throw new Error(`${question} is asked about a request`);
  return requestDecision(person, question, about);
}

/** The teams this person may file a request for (the new-request form offers only these). */
export function teamsToFileFor<T extends { id: string }>(person: Person, teams: readonly T[]): T[] {
  return teams.filter((team) => may(person, "request.create-for-team", { teamId: team.id }).ok);
}

/** The lifecycle actions this person may take on the request now (the buttons its page shows). */
export function allowedRequestActions(person: Person, request: RequestFacts): PeopleAction[] {
  return PEOPLE_ACTIONS.filter((action) => may(person, `request.${action}`, request).ok);
}

/** What a person may ask AWS about a request besides its lifecycle: re-plan it, check it for drift. */
export const REQUEST_CHECKS = ["replan", "drift-check"] as const;
/** Everything the JSON API offers on a request: POST /api/v1/requests/{id}/<operation>. */
export const REQUEST_OPERATIONS = [...PEOPLE_ACTIONS, ...REQUEST_CHECKS] as const;
export type RequestOperation = (typeof REQUEST_OPERATIONS)[number];

export function allowedRequestOperations(person: Person, request: RequestFacts): RequestOperation[] {
  return REQUEST_OPERATIONS.filter((operation) => may(person, `request.${operation}`, request).ok);
}
