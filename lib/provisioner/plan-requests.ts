import "server-only";

import { AccountAccessError, AccountNotRegisteredError, isDiscoveryFieldError, isNoAccessToAccount, type AwsAccess } from "@/lib/aws";
import { kitKindOf } from "@/lib/aws/iam";
import type { AuditActor } from "@/lib/db/audit/record-audit-event";
import type { Requester } from "@/lib/db/requests/create-request";
import { createAccessRequest } from "@/lib/db/requests/create-request";
import { getRequestForViewer } from "@/lib/db/requests/get-request";
import { saveReplan } from "@/lib/db/requests/replan-request";
import { decideByPolicy, settleApproval } from "@/lib/db/approval-policies/settle-approval";
import { findFiledFrom } from "@/lib/db/requests/filing-checks";
import { retireRefiledSource } from "@/lib/db/requests/retire-refiled-source";
import { parseClusterArn } from "@/lib/domain/cluster-arn";
import { planRefusals } from "@/lib/domain/filing-refusals";
import { neededChanges } from "@/lib/domain/needs-changes";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";
import type { ConnectionPlan } from "@/lib/domain/plan";
import { db } from "@/lib/db/client";
import { storedAuthModes, storedClientLocation, storedTopicAccess } from "@/lib/domain/client-location";
import type { RequestInput } from "@/lib/domain/request-input";
import { may, personOf } from "@/lib/domain/permissions";
import { REQUEST_LIMITS } from "@/lib/domain/validation/request-limits";
import { ExpectedError } from "@/lib/errors/expected-error";
import { refusal } from "@/lib/errors/refusal";

import { computePlan, type PlanSubject } from "./compute-plan";
import { loadPlatformSettings } from "./platform-settings";
import { portalAwsAccess } from "./portal-aws-access";

// STS throttled or failed on its side (or never answered) past the SDK's retries: nothing is known about the
// account. Any other answer (denied, a malformed role ARN, a Region not activated) is the account's setting.
function isTransient(error: AccountAccessError): boolean {
  const status = error.$metadata.httpStatusCode;
  return /Throttl|RequestLimitExceeded|TooManyRequests/i.test(error.code) || status === undefined || status >= 500;
}

/**
 * A client account the portal cannot act in is the requester's field to fix (or an admin's), not a plan that
 * fails later: it is refused at the account field before anything is read there.
 */
async function assertClientAccountAssumable(access: AwsAccess, subject: PlanSubject): Promise<void> {
  if (subject.client.type !== "aws-vpc") return;
  const { accountId } = subject.client;
  try {
    await access.credentialsFor(accountId);
  } catch (error) {
    if (error instanceof AccountAccessError && isTransient(error)) {
      // STS itself failed (throttled, 5xx) past the retries: nothing is known about the account, and nothing
      // is stored; the requester files again in a moment.
      throw new ExpectedError("unavailable", `AWS STS did not answer for account ${accountId} (${error.code}); nothing was filed, try again in a minute`);
    }
    if (!(error instanceof AccountAccessError) && !isNoAccessToAccount(error)) throw error;
    const message =
      error instanceof AccountNotRegisteredError
        ? error.message
        : `The portal cannot act in account ${accountId}: its role there could not be assumed; ask a platform admin to check the account (Admin, Test access)`;
    throw new ExpectedError("bad-request", "Some fields need attention.", { "client.accountId": [message] });
  }
}

// The request's own limits keep plans small; this is the backstop, so no plan too long to review or run is stored.
function refuseOversizedPlan<T extends { plan?: { steps: readonly unknown[] } }>(stored: T): T {
  const steps = stored.plan?.steps.length ?? 0;
  if (steps <= REQUEST_LIMITS.planSteps) return stored;
  throw new ExpectedError("bad-request", "Some fields need attention.", {
    "": [`This request would need a plan of ${steps} steps (at most ${REQUEST_LIMITS.planSteps}): split it into several smaller requests`],
  });
}

async function planFor(subject: PlanSubject) {
  const prisma = db();
  try {
    const accounts = await prisma.awsAccount.findMany({ select: { id: true, kind: true } });
    const kinds = new Map(accounts.map((a) => [a.id, kitKindOf(a.kind)]));
    const access = await portalAwsAccess(prisma);
    await assertClientAccountAssumable(access, subject);
    return refuseOversizedPlan(await computePlan(access, await loadPlatformSettings(prisma), subject, (id) => kinds.get(id)));
  } catch (error) {
    if (isDiscoveryFieldError(error)) throw new ExpectedError("bad-request", "Some fields need attention.", error.fieldErrors());
    throw error;
  }
}

// Filing = validating against the catalog, discovering the client's network in AWS and planning, then storing
// request, plan and audit events together. A client network that is not where the requester said is refused
// at its field and nothing is stored.
export async function fileRequest(
  requester: Requester,
  input: RequestInput,
  options: { teamId?: string; via: "web" | "api"; fileAnyway?: boolean; filedFrom?: string },
) {
  const source = options.filedFrom ? await findFiledFrom(requester, options.filedFrom) : null;
  // A request re-filed in place of one that needs changes replaces it (retireRefiledSource), so that one is no duplicate.
  const replaces = source && neededChanges(source.status, readStoredPlan(source)) ? source.id : null;
  const created = await createAccessRequest(requester, input, {
    ...options,
    refuseDuplicates: { except: replaces },
    filedFrom: source ? { id: source.id, number: source.number } : undefined,
    plan: async (requestId) =>
      refuseWhatTheFormKnew(
        await planFor({
          requestId,
          clusterArn: input.clusterArn,
          client: input.client,
          authModes: input.authModes,
          preferredMethod: input.preferredMethod,
          topicAccess: input.topicAccess,
        }),
        input,
      ),
  });
  if (source) await retireRefiledSource(requester, source.id, created);
  // The approval policy was applied to the plan as it was stored; one that approves or rejects by itself does so now.
  const status = await settleApproval(created.id);
  return { ...created, status: status ?? created.status };
}

// Discovery can confirm what the form already knew (an auth mode off, overlapping CIDRs with multi-VPC as the
// way out): refused at the field, nothing stored. Other blocking findings are stored and the request needs changes.
function refuseWhatTheFormKnew<T extends { plan?: ConnectionPlan }>(stored: T, input: RequestInput): T {
  const region = parseClusterArn(input.clusterArn)?.region;
  const refused = stored.plan && region ? planRefusals(stored.plan, input, region) : null;
  if (refused) throw new ExpectedError("bad-request", "Some fields need attention.", refused);
  return stored;
}

export async function replanRequest(user: Requester, requestId: string, asker: AuditActor = { kind: "user", userId: user.id, label: user.email }) {
  const request = await getRequestForViewer(user, requestId);
  if (!request) throw new ExpectedError("not-found", "No such request.");
  const decision = may(personOf(user), "request.replan", request);
  if (!decision.ok) throw refusal(decision);
  // Strict: a stored value that does not read stops the re-plan (never a plan for every topic instead).
  const client = storedClientLocation(request);
  const authModes = storedAuthModes(request);
  const topicAccess = storedTopicAccess(request);
  let stored;
  try {
    const preferredMethod = request.preferredMethod ?? undefined;
    stored = await planFor({ requestId, clusterArn: request.cluster.arn, client, authModes, preferredMethod, topicAccess });
  } catch (error) {
    // The client's network changed since filing (e.g. its VPC was deleted): keep that as the plan's error.
    if (error instanceof ExpectedError && error.fieldErrors) {
      stored = { computedAt: new Date().toISOString(), error: { message: Object.values(error.fieldErrors).flat().join("; ") } };
    } else throw error;
  }
  await saveReplan(requestId, request.version, stored, asker);
  await decideByPolicy(requestId, { replanned: true });
  return stored;
}
