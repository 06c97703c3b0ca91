import "server-only";

import { apiRoute, jsonError, readJsonBody } from "@/lib/auth/api-route";
import { actorOf } from "@/lib/auth/current-user";
import { transitionRequest } from "@/lib/db/requests/transition-request";
import type { LifecycleAction } from "@/lib/domain/lifecycle";
import { isReasonedAction, reasonSchema } from "@/lib/domain/reasoned-actions";
import { fieldErrors } from "@/lib/domain/request-input";
import { enqueueRun } from "@/lib/provisioner/web-queue";

import { transitionBodySchema } from "./schemas/transition-body-schema";

// POST /api/v1/requests/:id/<action>: the same transition, guard and audit as the web UI. Who may is not
// decided here by role: the transition asks the policy about this request, as the page's buttons do.
export function transitionRoute(action: LifecycleAction, options: { commentRequired?: boolean; startsWork?: boolean } = {}) {
  return apiRoute<{ id: string }>(null, async ({ user, request, params }) => {
    const raw = await readJsonBody(request);
    const parsed = transitionBodySchema.safeParse(raw === Symbol.for("invalid-json") ? {} : raw);
    if (!parsed.success) return jsonError(400, "bad-request", "Some fields need attention.", fieldErrors(parsed.error));
    // Reject, cancel, roll back and decommission say why, as on the page; the reason is the audit's comment.
    const reason = options.commentRequired || isReasonedAction(action) ? reasonSchema.safeParse(parsed.data.comment ?? "") : null;
    if (reason && !reason.success) {
      return jsonError(400, "bad-request", "Some fields need attention.", { comment: reason.error.issues.map((i) => i.message) });
    }
    const result = await transitionRequest({
      requestId: params.id,
      action,
      actor: actorOf(user),
      auditActor: { kind: "user", userId: user.id, label: `${user.email} (API)` },
      expectedVersion: parsed.data.version,
      comment: parsed.data.comment,
    });
    if (options.startsWork) await enqueueRun(params.id);
    return Response.json({ id: params.id, ...result });
  });
}
