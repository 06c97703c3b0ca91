"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { actorOf } from "@/lib/auth/current-user";
import { requireActionUser } from "@/lib/auth/guard";
import { assertConfirmed } from "@/lib/db/requests/assert-confirmed";
import { transitionRequest } from "@/lib/db/requests/transition-request";
import { fieldErrors } from "@/lib/domain/request-input";
import { transitionCommentSchema } from "@/lib/domain/validation/comment";
import { enqueueRun } from "@/lib/provisioner/web-queue";

// Approve or reject, from the request page and from the approvals queue; both pages are refreshed.
const decisionSchema = z
  .object({
    requestId: z.string().min(1),
    version: z.coerce.number().int().min(0),
    decision: z.enum(["approve", "reject"], { error: "Choose approve or reject" }),
    comment: transitionCommentSchema,
  })
  .refine((d) => d.decision !== "reject" || d.comment.length >= 5, {
    path: ["comment"],
    message: "Say why the request is rejected (at least 5 characters); the requester reads this",
  });

// Who may approve, reject, cancel or operate is the policy's answer about the request itself, asked inside the
// transition (as the API does), not a role check here that could disagree with it.
export async function decideRequest(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser();
    const parsed = decisionSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { ok: false, message: "Check the comment.", fieldErrors: fieldErrors(parsed.error) };
    const { requestId, version, decision, comment } = parsed.data;
    if (decision === "reject") await assertConfirmed(user, requestId, form.get("confirmation"));
    const result = await transitionRequest({
      requestId,
      action: decision,
      actor: actorOf(user),
      auditActor: { kind: "user", userId: user.id, label: user.email },
      expectedVersion: version,
      comment: comment || undefined,
    });
    // An approval the policy still waits on (more approvals, a change freeze) leaves the request where it is.
    if (result.status === "APPROVED") await enqueueRun(requestId);
    revalidatePath(`/requests/${requestId}`);
    revalidatePath("/approvals");
    if (result.pending) return { ok: true, message: result.pending };
    return { ok: true, message: decision === "approve" ? "Approved. Provisioning starts now." : "Request rejected." };
  });
}
