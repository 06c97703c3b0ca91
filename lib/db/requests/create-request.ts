import "server-only";

import { randomUUID } from "node:crypto";

import type { StoredPlan } from "@/lib/domain/plan/stored-plan";
import { classifyScenario } from "@/lib/domain/scenario";
import type { RequestInput } from "@/lib/domain/request-input";
import { may, personOf } from "@/lib/domain/permissions";
import { ExpectedError } from "@/lib/errors/expected-error";
import { catalogRefusals } from "@/lib/domain/filing-refusals";
import { notifyFiled } from "@/lib/db/notifications/notify-filed";
import { checkEndDate, parseEndDate } from "@/lib/domain/expiry/end-date";

import { db } from "../client";
import { recordAuditEvent } from "../audit/record-audit-event";
import { checkClientAccount } from "./client-account-rules";
import { endDateLimitsFor } from "../expiry/end-date-limits-for";
import { recordPlanEvent } from "./record-plan-event";
import { asJson } from "../as-json";
import { preferredMethodColumn, scenarioColumn } from "../enums/domain-enums";
import type { Viewer } from "./request-visibility";
import { evaluatePolicyInTx, POLICY_ACTOR } from "../approval-policies/apply-approval-policy";
import { refuseDuplicates } from "./filing-checks";
import { methodOfStoredPlan } from "./method-of-stored-plan";

export type Requester = Viewer & { email: string };

export async function createAccessRequest(
  requester: Requester,
  input: RequestInput,
  options: {
    teamId?: string;
    via?: "web" | "api";
    // Plans the request before it is stored; may throw an ExpectedError that refuses the request.
    plan?: (requestId: string) => Promise<StoredPlan>;
    // The clock the end date is checked against (tests move it).
    now?: Date;
    // The requester saw that a live request already connects this client to this cluster and files anyway.
    fileAnyway?: boolean;
    // Refuse a live duplicate (filing-checks), once every field is known good; `except` is a request this one replaces.
    refuseDuplicates?: { except: string | null };
    // The request this one was edited from or modelled on (one the requester may see); recorded in the audit.
    filedFrom?: { id: string; number: number };
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
  // What the catalog alone says cannot work is refused at its field before anything else is looked up.
  const refused = catalogRefusals(input, cluster);
  if (refused) throw new ExpectedError("bad-request", "Some fields need attention.", refused);
  // Before discovery and planning: a bad end date is the requester's to fix and costs no AWS calls.
  const endsAt = input.endsAt ? parseEndDate(input.endsAt) : null;
  const limits = await endDateLimitsFor({ environment: input.environment, teamId, clusterId: cluster.id });
  const endDateProblem = checkEndDate(endsAt, options.now ?? new Date(), limits);
  if (endDateProblem) throw new ExpectedError("bad-request", "Some fields need attention.", { endsAt: [endDateProblem] });
  const team = await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { id: true, name: true } });
  await checkClientAccount(input.client, team);
  // A duplicate is only worth asking about once nothing else is wrong with the form, and before AWS is read.
  if (options.refuseDuplicates && !options.fileAnyway) await refuseDuplicates(input.clusterArn, input.client, options.refuseDuplicates.except);
  const scenario = classifyScenario(input.client, cluster);
  // The id is chosen before planning because the plan tags what it creates with it.
  const id = randomUUID();
  const plan = await options.plan?.(id);

  return db().$transaction(async (tx) => {
    const request = await tx.accessRequest.create({
      data: {
        id,
        ...(plan ? { plan: asJson(plan), method: methodOfStoredPlan(plan) } : {}),
        clusterId: cluster.id,
        teamId,
        requesterId: requester.id,
        client: input.client,
        authModes: input.authModes,
        environment: input.environment,
        justification: input.justification,
        preferredMethod: input.preferredMethod ? preferredMethodColumn.toDb(input.preferredMethod) : null,
        ...(input.topicAccess ? { topicAccess: asJson(input.topicAccess) } : {}),
        expectedGbPerMonth: input.expectedGbPerMonth ?? null,
        scenario: scenarioColumn.toDb(scenario),
        endsAt,
      },
    });
    await recordAuditEvent(tx, {
      actor: { kind: "user", userId: requester.id, label: requester.email },
      action: "request.submit",
      requestId: request.id,
      accountId: cluster.accountId,
      region: cluster.region,
      details: {
        scenario,
        authModes: input.authModes,
        environment: input.environment,
        via: options.via ?? "web",
        ...(options.filedFrom ? { filedFrom: { id: options.filedFrom.id, number: options.filedFrom.number } } : {}),
        ...(options.fileAnyway ? { filedAnyway: true } : {}),
        ...(endsAt ? { endsAt: endsAt.toISOString() } : {}),
        ...(input.expectedGbPerMonth !== undefined ? { expectedGbPerMonth: input.expectedGbPerMonth } : {}),
      },
    });
    if (plan) await recordPlanEvent(tx, request.id, plan, { kind: "system", label: "planner" });
    // The policy is known before anyone is told, so "waiting for your approval" reaches only those it would count.
    await evaluatePolicyInTx(tx, request.id, POLICY_ACTOR);
    await notifyFiled(tx, request);
    return { ...request, scenario, preferredMethod: input.preferredMethod ?? null };
  });
}
