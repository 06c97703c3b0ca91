import "server-only";

import { cache } from "react";

import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { resolveSession } from "@/lib/db/sessions/resolve-session";
import { personOf, type Person } from "@/lib/domain/permissions";

import { auth } from "./auth";
import { loadPortalUser, type PortalUser } from "./load-portal-user";

export { loadPortalUser, type PortalUser } from "./load-portal-user";

// Once per request: React's cache() shares the result between the layout, the page and its components. The
// cookie only names a session; whether it still counts is the database's answer.
export const currentUser = cache(async (): Promise<PortalUser | null> => {
  const session = await auth();
  const sessionId = session?.sessionId;
  if (!sessionId) return null;
  const userId = await resolveSession(db(), sessionId, { idleMinutes: config().SESSION_IDLE_MINUTES });
  return userId && userId === session.user?.id ? loadPortalUser(userId) : null;
});

export function actorOf(user: PortalUser): Person {
  return personOf(user);
}
