import { z } from "zod";

import { readJsonColumn } from "../json/read-json-column";
import { AUTH_MODES } from "../request-input";
import type { PolicyDocument } from "./facts";
import type { ClientSettings, ConnectionPlan } from "./plan-types";

const clientModeSettingsSchema = z.object({
  bootstrap: z.string().nullable(),
  java: z.record(z.string(), z.string()),
  librdkafka: z.record(z.string(), z.string()),
  notes: z.array(z.string()),
});
export const clientSettingsSchema: z.ZodType<ClientSettings> = z.partialRecord(z.enum(AUTH_MODES), clientModeSettingsSchema);

/** What MSK answered when the request became active (multi-VPC bootstrap strings exist only from then on). */
export const liveConnectionSchema = z.object({
  bootstrap: z.string().nullable(),
  clientSettings: clientSettingsSchema,
  readAt: z.string(),
});
export type LiveConnection = z.infer<typeof liveConnectionSchema>;

// Null until the request became active. A stored value that does not read stops the caller with the row named:
// falling back to the plan's strings would quietly hand the client a bootstrap string MSK did not answer.
export function readLiveConnection(request: { id: string; connection: unknown }): LiveConnection | null {
  if (request.connection === null || request.connection === undefined) return null;
  return readJsonColumn(liveConnectionSchema, request.connection, { table: "AccessRequest", column: "connection", id: request.id });
}

export type ConnectionDetails = {
  bootstrap: string | null;
  clientSettings: ClientSettings;
  iamPolicy: PolicyDocument | null;
  /** "every-topic": the request named no topics, so the policy reaches all of the cluster's by wildcard. */
  iamPolicyScope: "every-topic" | "topics-asked-for" | null;
  /** For a SaaS client: what to give the provider so that it connects from its own account. */
  saasHandover: { message: string; remedy: string } | null;
};

/** Whether the policy reaches every topic or group by wildcard (`…/<cluster-uuid>/*`), i.e. no names were asked for. */
export function grantsEveryTopic(policy: PolicyDocument): boolean {
  return policy.Statement.some((s) => [s.Resource].flat().some((r) => /:(topic|group)\/[^/]+\/[^/]+\/\*$/.test(r)));
}

// What an Active request's client is told, for the page and the JSON API alike. What MSK answered at activation
// wins over the plan's strings: multi-VPC bootstrap strings do not exist at planning time.
export function connectionDetails(plan: ConnectionPlan, live: LiveConnection | null): ConnectionDetails {
  const handover = plan.preflight.find((f) => f.code === "saas-handover");
  return {
    bootstrap: live?.bootstrap ?? plan.bootstrap,
    clientSettings: live?.clientSettings ?? plan.clientSettings,
    iamPolicy: plan.iamPolicy,
    iamPolicyScope: plan.iamPolicy ? (grantsEveryTopic(plan.iamPolicy) ? "every-topic" : "topics-asked-for") : null,
    saasHandover: handover ? { message: handover.message, remedy: handover.remedy } : null,
  };
}
