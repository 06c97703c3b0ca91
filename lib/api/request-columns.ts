import "server-only";

import { z } from "zod";

import { readJsonColumn } from "@/lib/domain/json/read-json-column";
import { AUTH_MODES, clientLocationSchema, type AuthMode, type ClientLocation } from "@/lib/domain/request-input";

type StoredRequest = { id: string; client: unknown; authModes: string[]; topicAccess?: unknown };
const ref = (r: StoredRequest, column: string) => ({ table: "AccessRequest", column, id: r.id });

// The API promises these shapes in its OpenAPI document, so a row that does not read as one is a 500 that
// names the row rather than a response that breaks the promise.
export const clientOf = (r: StoredRequest): ClientLocation => readJsonColumn(clientLocationSchema, r.client, ref(r, "client"));
export const authModesOf = (r: StoredRequest): AuthMode[] => readJsonColumn(z.array(z.enum(AUTH_MODES)), r.authModes, ref(r, "authModes"));

const topicAccessSchema = z.object({ readTopics: z.array(z.string()), writeTopics: z.array(z.string()), consumerGroups: z.array(z.string()) }).nullable();
export const topicAccessOf = (r: StoredRequest) => readJsonColumn(topicAccessSchema, r.topicAccess ?? null, ref(r, "topicAccess"));
