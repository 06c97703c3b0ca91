import "server-only";

import { forbidden, redirect } from "next/navigation";

import { may, type RequestFacts, type RequestQuestion, type RoleQuestion } from "@/lib/domain/permissions";
import { ExpectedError } from "@/lib/errors/expected-error";
import { refusal } from "@/lib/errors/refusal";

import { actorOf, currentUser, type PortalUser } from "./current-user";

// Every page, server action and route handler calls one of these itself: the proxy/middleware layer is
// not trusted to have checked anything. What is allowed is decided by lib/domain/permissions alone.

export async function requirePageUser(question?: RoleQuestion): Promise<PortalUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (question && !may(actorOf(user), question).ok) forbidden();
  return user;
}

export function assertMay(user: PortalUser, question: RoleQuestion): void {
  const decision = may(actorOf(user), question);
  if (!decision.ok) throw refusal(decision);
}

export function assertMayOnRequest(user: PortalUser, question: RequestQuestion, request: RequestFacts): void {
  const decision = may(actorOf(user), question, request);
  if (!decision.ok) throw refusal(decision);
}

export async function requireActionUser(question?: RoleQuestion): Promise<PortalUser> {
  const user = await currentUser();
  if (!user) throw new ExpectedError("unauthenticated", "Your session has ended. Sign in again.");
  if (question) assertMay(user, question);
  return user;
}
