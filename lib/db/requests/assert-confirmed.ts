import "server-only";

import { confirmationProblem } from "@/lib/domain/reasoned-actions";
import { ExpectedError } from "@/lib/errors/expected-error";

import { db } from "../client";
import { visibleRequestsWhere, type Viewer } from "./request-visibility";

/**
 * A production request is decommissioned, rolled back, cancelled or rejected from the page only after its
 * number was typed: checked here as well as in the dialog, so no form posted without it can skip the step.
 * A request the viewer cannot see is left to the transition, which answers "No such request".
 */
export async function assertConfirmed(viewer: Viewer, requestId: string, typed: unknown): Promise<void> {
  const request = await db().accessRequest.findFirst({
    where: { id: requestId, ...visibleRequestsWhere(viewer) },
    select: { number: true, environment: true },
  });
  const problem = request ? confirmationProblem(request, typed) : null;
  if (problem) throw new ExpectedError("bad-request", problem, { confirmation: [problem] });
}
