import "server-only";

import type { AuditActor } from "@/lib/db/audit/record-audit-event";
import type { Requester } from "@/lib/db/requests/create-request";
import { getRequestForViewer } from "@/lib/db/requests/get-request";
import { may, personOf } from "@/lib/domain/permissions";
import { ExpectedError } from "@/lib/errors/expected-error";
import { refusal } from "@/lib/errors/refusal";
import { logger } from "@/lib/log/logger";

import { DEFAULT_LIMITS } from "./backoff";
import { checkDrift } from "./check-drift";
import { platformRunnerDeps } from "./platform-runner-deps";
import type { VerificationProblem } from "./verify-steps";

// A person asks for the drift check now (the page's button, POST /api/v1/requests/:id/drift-check): the same
// check the sweep runs, after the policy's answer for this person and this request, audited in their name.
export async function checkDriftAsked(user: Requester, requestId: string, asker: AuditActor): Promise<VerificationProblem[]> {
  const request = await getRequestForViewer(user, requestId);
  if (!request) throw new ExpectedError("not-found", "No such request.");
  const decision = may(personOf(user), "request.drift-check", request);
  if (!decision.ok) throw refusal(decision);
  const deps = await platformRunnerDeps(DEFAULT_LIMITS, (line) => logger().info(line));
  return checkDrift(requestId, deps, asker);
}
