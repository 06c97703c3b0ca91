import "server-only";

import { neededChanges } from "@/lib/domain/needs-changes";
import { may, personOf } from "@/lib/domain/permissions";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";
import { requestFacts } from "@/lib/domain/request-facts";

import { db } from "../client";
import type { Requester } from "./create-request";
import { transitionRequest } from "./transition-request";

/**
 * "Edit and re-file" of a request that needs changes replaces it: once the new request is stored, the old one
 * is cancelled with the new one's number as the reason, so it neither lingers unapprovable nor counts as the
 * new one's duplicate. Only when the person may cancel it; any other source is left as it is.
 */
export async function retireRefiledSource(requester: Requester, sourceId: string, filed: { id: string; number: number }): Promise<void> {
  const source = await db().accessRequest.findUnique({ where: { id: sourceId } });
  if (!source || !neededChanges(source.status, readStoredPlan(source))) return;
  const person = personOf(requester);
  if (!may(person, "request.cancel", requestFacts(source, null)).ok) return;
  await transitionRequest({
    requestId: source.id,
    action: "cancel",
    actor: person,
    auditActor: { kind: "user", userId: requester.id, label: requester.email },
    expectedVersion: source.version,
    comment: `Re-filed as request #${filed.number}`,
    details: { refiledAs: { id: filed.id, number: filed.number } },
  });
}
