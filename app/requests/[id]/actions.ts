"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { actorOf } from "@/lib/auth/current-user";
import { requireActionUser } from "@/lib/auth/guard";
import { assertConfirmed } from "@/lib/db/requests/assert-confirmed";
import { transitionRequest } from "@/lib/db/requests/transition-request";
import { ACTION_LABELS } from "@/lib/domain/lifecycle";
import { isReasonedAction, reasonSchema } from "@/lib/domain/reasoned-actions";
import { fieldErrors } from "@/lib/domain/request-input";
import { formString } from "@/lib/forms/form-string";
import { replanRequest } from "@/lib/provisioner/plan-requests";
import { checkDriftAsked } from "@/lib/provisioner/check-drift-asked";
import { enqueueRun } from "@/lib/provisioner/web-queue";
import { createClientCheck } from "@/lib/db/client-checks/create-client-check";
import { clientCheckCommand } from "@/lib/domain/client-check/check-command";
import { actionOrigin } from "@/lib/http/action-origin";

// Cancelling, like rolling back and decommissioning, takes a reason for the audit (and, for a production
// request, its typed number): the dialog asks for both, and this checks them again.
const cancelSchema = z.object({
  requestId: z.string().min(1),
  version: z.coerce.number().int().min(0),
  comment: reasonSchema,
  confirmation: z.string().optional(),
});

export async function cancelRequest(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser();
    const parsed = cancelSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { ok: false, message: "Check the reason.", fieldErrors: fieldErrors(parsed.error) };
    await assertConfirmed(user, parsed.data.requestId, parsed.data.confirmation);
    await transitionRequest({
      requestId: parsed.data.requestId,
      action: "cancel",
      actor: actorOf(user),
      auditActor: { kind: "user", userId: user.id, label: user.email },
      expectedVersion: parsed.data.version,
      comment: parsed.data.comment,
    });
    revalidatePath(`/requests/${parsed.data.requestId}`);
    return { ok: true, message: "Request cancelled." };
  });
}

export async function replanRequestAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser();
    const requestId = formString(form.get("requestId"));
    const stored = await replanRequest(user, requestId);
    revalidatePath(`/requests/${requestId}`);
    return stored.plan
      ? { ok: true, message: `Re-planned from current AWS state: ${stored.plan.steps.length} change(s).` }
      : { ok: false, message: `Planning failed: ${stored.error.message}` };
  });
}

const operateSchema = z.object({
  requestId: z.string().min(1),
  version: z.coerce.number().int().min(0),
  operation: z.enum(["retry", "rollback", "decommission", "reapply"], { error: "Unknown operation" }),
  comment: z.string().optional(),
  confirmation: z.string().optional(),
});

// Retry, roll back, decommission and re-apply: the lifecycle decides who may (operators; the requesting team
// may also decommission, unless its approval policy says otherwise), then the worker does the AWS work.
export async function operateRequest(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser();
    const parsed = operateSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { ok: false, message: "That operation could not be read from the form." };
    const { requestId, version, operation } = parsed.data;
    // Retrying finishes what was asked; rolling back and decommissioning undo it, so they say why.
    const reason = isReasonedAction(operation) ? reasonSchema.safeParse(parsed.data.comment ?? "") : null;
    if (reason && !reason.success) return { ok: false, message: "Check the reason.", fieldErrors: { comment: fieldErrors(reason.error)[""] ?? [] } };
    if (reason) await assertConfirmed(user, requestId, parsed.data.confirmation);
    await transitionRequest({
      requestId,
      action: operation,
      actor: actorOf(user),
      auditActor: { kind: "user", userId: user.id, label: user.email },
      expectedVersion: version,
      comment: reason?.data,
    });
    await enqueueRun(requestId);
    revalidatePath(`/requests/${requestId}`);
    return { ok: true, message: `${ACTION_LABELS[operation].button} started.` };
  });
}

// Re-reads AWS now for an ACTIVE request: the same verification the periodic drift check runs.
export async function checkDriftAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser();
    const requestId = formString(form.get("requestId"));
    const problems = await checkDriftAsked(user, requestId, { kind: "user", userId: user.id, label: user.email });
    revalidatePath(`/requests/${requestId}`);
    return problems.length
      ? { ok: false, message: `${problems.length} problem(s) found; see above.` }
      : { ok: true, message: "Everything this request built is in place." };
  });
}

// A one-time command to run on the client's host; its token is shown here once and stored only as a digest.
export async function createClientCheckAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser();
    const requestId = formString(form.get("requestId"));
    const check = await createClientCheck(user, requestId);
    revalidatePath(`/requests/${requestId}`);
    const command = clientCheckCommand(await actionOrigin(), check.token);
    return { ok: true, message: `Run this on the client's host before ${check.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC; it works once.`, data: { command } };
  });
}
