"use server";

import { revalidatePath } from "next/cache";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { overrideFreeze } from "@/lib/db/approval-policies/manage-freezes";
import { settleApproval } from "@/lib/db/approval-policies/settle-approval";
import { freezeOverrideSchema } from "@/lib/domain/approval-policy";
import { fieldErrors } from "@/lib/domain/request-input";
import { formString } from "@/lib/forms/form-string";
import { enqueueRun } from "@/lib/provisioner/web-queue";

/** An admin lets one request through the change freezes; what the freeze held goes ahead at once. */
export async function overrideFreezeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("change-freeze.manage");
    const parsed = freezeOverrideSchema.safeParse({ requestId: formString(form.get("requestId")), reason: formString(form.get("reason")) });
    if (!parsed.success) return { ok: false, message: "Some fields need attention.", fieldErrors: fieldErrors(parsed.error) };
    const { requestId, reason } = parsed.data;
    await overrideFreeze({ kind: "user", userId: user.id, label: user.email }, user, requestId, reason);
    const status = await settleApproval(requestId);
    if (status === "APPROVED") await enqueueRun(requestId);
    revalidatePath(`/requests/${requestId}`);
    return { ok: true, message: "The request goes ahead through the freeze." };
  });
}
