"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { askForExtension } from "@/lib/db/expiry/ask-for-extension";
import { decideExtension } from "@/lib/db/expiry/decide-extension";
import { endDateSchema } from "@/lib/domain/expiry/end-date";
import { fieldErrors } from "@/lib/domain/request-input";
import { transitionCommentSchema } from "@/lib/domain/validation/comment";
import { REQUEST_LIMITS } from "@/lib/domain/validation/request-limits";
import { safeText } from "@/lib/domain/validation/safe-text";

const askSchema = z.object({
  requestId: z.string().min(1),
  toEndsAt: endDateSchema,
  reason: safeText({
    min: 10,
    tooShort: "Say in at least 10 characters why the connection is needed longer",
    max: REQUEST_LIMITS.comment,
    tooLong: `Keep the reason under ${REQUEST_LIMITS.comment} characters`,
    multiline: true,
  }),
});

// Who may ask, and whether the date is acceptable, is decided inside askForExtension by the permission module
// and the end-date rules, with the request's row locked.
export async function askForExtensionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser();
    const parsed = askSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { ok: false, message: "Some fields need attention.", fieldErrors: fieldErrors(parsed.error) };
    const outcome = await askForExtension(user, parsed.data);
    revalidatePath(`/requests/${parsed.data.requestId}`);
    return { ok: outcome.status !== "REJECTED", message: outcome.says };
  });
}

const decideSchema = z
  .object({
    requestId: z.string().min(1),
    extensionId: z.string().min(1),
    decision: z.enum(["approve", "reject"], { error: "Choose approve or reject" }),
    comment: transitionCommentSchema,
  })
  .refine((d) => d.decision !== "reject" || d.comment.length >= 5, {
    path: ["comment"],
    message: "Say why the extension is rejected (at least 5 characters); the requester reads this",
  });

export async function decideExtensionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser();
    const parsed = decideSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { ok: false, message: "Check the comment.", fieldErrors: fieldErrors(parsed.error) };
    const outcome = await decideExtension(user, parsed.data);
    revalidatePath(`/requests/${parsed.data.requestId}`);
    return { ok: true, message: outcome.says };
  });
}
