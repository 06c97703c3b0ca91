import "server-only";

import { storedAuthModes, storedClientLocation, storedTopicAccess } from "@/lib/domain/client-location";
import type { AuthMode, ClientLocation } from "@/lib/domain/request-input";

type StoredRequest = { id: string; client: unknown; authModes: string[]; topicAccess?: unknown };

// The API promises these shapes in its OpenAPI document, so a row that does not read as one is a 500 that
// names the row rather than a response that breaks the promise: the domain's strict readers.
export const clientOf = (r: StoredRequest): ClientLocation => storedClientLocation(r);
export const authModesOf = (r: StoredRequest): AuthMode[] => storedAuthModes(r);
export const topicAccessOf = (r: StoredRequest) => storedTopicAccess(r) ?? null;
