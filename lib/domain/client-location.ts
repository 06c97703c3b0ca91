import { z } from "zod";

import { readJsonColumn } from "./json/read-json-column";
import { AUTH_MODES, clientLocationSchema, topicAccessSchema, type AuthMode, type ClientLocation, type TopicAccessInput } from "./request-input";

type StoredRequest = { id: string; client: unknown; topicAccess?: unknown; authModes?: readonly string[] };
const ref = (request: { id: string }, column: string) => ({ table: "AccessRequest", column, id: request.id });

// Two ways to read what a request stored. What the portal acts on (a re-plan, the IAM policy it writes, the
// API's promised shapes, the approval policy's subject) reads strictly: a value that does not match stops
// the caller with the row named, so an unreadable topic list can never widen a policy to every topic. Pages
// read leniently: a row stored before a limit was tightened still shows, as "cannot be read" at worst.

/** The client location a request stored; throws, naming the row, when it does not read. */
export function storedClientLocation(request: StoredRequest): ClientLocation {
  return readJsonColumn(clientLocationSchema, request.client, ref(request, "client"));
}

/** The topic access a request stored; undefined when none was asked for; throws when it does not read. */
export function storedTopicAccess(request: StoredRequest): TopicAccessInput | undefined {
  if (request.topicAccess === null || request.topicAccess === undefined) return undefined;
  return readJsonColumn(topicAccessSchema, request.topicAccess, ref(request, "topicAccess"));
}

/** The auth modes a request stored; throws when one is not a mode the portal knows. */
export function storedAuthModes(request: StoredRequest): AuthMode[] {
  return readJsonColumn(clientAuthModesSchema, request.authModes ?? [], ref(request, "authModes"));
}

const clientAuthModesSchema = z.array(z.enum(AUTH_MODES));

/** For display: the stored client location, or null when it does not read. */
export function readClientLocation(value: unknown): ClientLocation | null {
  const parsed = clientLocationSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** For display: the stored topic access; undefined when none was asked for or it does not read. */
export function readTopicAccess(value: unknown): TopicAccessInput | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = topicAccessSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
