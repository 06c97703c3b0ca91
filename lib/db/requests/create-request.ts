import "server-only";

import { randomUUID } from "node:crypto";

import type { StoredPlan } from "@/lib/domain/plan/stored-plan";
import { classifyScenario } from "@/lib/domain/scenario";
import type { RequestInput } from "@/lib/domain/request-input";
import { may, personOf } from "@/lib/domain/permissions";
import { ExpectedError } from "@/lib/errors/expected-error";

import { db } from "../client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { checkClientAccount } from "./client-account-rules";
import { recordPlanEvent } from "./record-plan-event";
import { asJson } from "../as-json";
import { preferredMethodColumn, scenarioColumn } from "../enums/domain-enums";
import type { Viewer } from "./request-visibility";

export type Requester = Viewer & { email: string };

export async function createAccessRequest(
  requester: Requester,
  input: RequestInput,
  options: {
    teamId?: string;
    via?: "web" | "api";
    // Plans the request before it is stored; may throw an ExpectedError that refuses the request.
    plan?: (requestId: string) => Promise<StoredPlan>;
  } = {},
) {
  if (!may(personOf(requester), "request.create").ok) {
    throw new ExpectedError("forbidden", "Your role does not allow filing requests.");
  }
  // Somebody in one team files for it without choosing.
  const teamId = options.teamId ?? (requester.teamIds.length === 1 ? requester.teamIds[0] : undefined);
  const forTeam = may(personOf(requester), "request.create-for-team", { teamId: teamId ?? null });
  // The role was allowed above, so a refusal here is about the team: the form's team field says it.
  if (!forTeam.ok || !teamId) {
    const message = forTeam.ok ? "Choose one of your teams." : forTeam.reason;
    throw new ExpectedError("bad-request", message, { teamId: [message] });
  }
  const cluster = await db().cluster.findUnique({ where: { arn: input.clusterArn } });
  if (!cluster || cluster.state === "MISSING" || cluster.archivedAt) {
    throw new ExpectedError("bad-request", "Unknown cluster", {
      clusterArn: ["This cluster is not in the catalog. Pick one from the list."],
    });
  }
  const team = await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { id: true, name: true } });
  await checkClientAccount(input.client, team);
  const scenario = classifyScenario(input.client, cluster);
  // The id is chosen before planning because the plan tags what it creates with it.
  const id = randomUUID();
  const plan = await options.plan?.(id);

  return db().$transaction(async (tx) => {
    const request = await tx.accessRequest.create({
      data: {
        id,
        ...(plan ? { plan: asJson(plan) } : {}),
        clusterId: cluster.id,
        teamId,
        requesterId: requester.id,
        client: input.client,
        authModes: input.authModes,
        environment: input.environment,
        justification: input.justification,
        preferredMethod: input.preferredMethod ? preferredMethodColumn.toDb(input.preferredMethod) : null,
        ...(input.topicAccess ? { topicAccess: asJson(input.topicAccess) } : {}),
        scenario: scenarioColumn.toDb(scenario),
      },
    });
    await recordAuditEvent(tx, {
      actor: { kind: "user", userId: requester.id, label: requester.email },
      action: "request.submit",
      requestId: request.id,
      accountId: cluster.accountId,
      region: cluster.region,
      details: { scenario, authModes: input.authModes, environment: input.environment, via: options.via ?? "web" },
    });
    if (plan) await recordPlanEvent(tx, request.id, plan, { kind: "system", label: "planner" });
    return { ...request, scenario, preferredMethod: input.preferredMethod ?? null };
  });
}
