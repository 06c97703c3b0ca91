"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { fieldErrors, requestInputSchema } from "@/lib/domain/request-input";
import { DuplicateRequestError } from "@/lib/db/requests/filing-checks";
import { ExpectedError } from "@/lib/errors/expected-error";
import { formString } from "@/lib/forms/form-string";
import { fileRequest } from "@/lib/provisioner/plan-requests";

import { requestFromFormData } from "./form-data";

// The form links to the live requests a duplicate names; the JSON API gives their numbers in the message.
async function fileWithDuplicateLinks<T>(file: () => Promise<T>): Promise<T> {
  try {
    return await file();
  } catch (error) {
    if (!(error instanceof DuplicateRequestError)) throw error;
    throw new ExpectedError("conflict", error.message, { ...error.fieldErrors, duplicateOf: error.live.map((r) => `${r.id} ${r.number}`) });
  }
}

export async function submitRequest(_prev: ActionState, form: FormData): Promise<ActionState> {
  let createdId: string | undefined;
  const state = await actionResult(async () => {
    const user = await requireActionUser("request.create");
    const { input, teamId } = requestFromFormData(form);
    const parsed = requestInputSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, message: "Some fields need attention.", fieldErrors: fieldErrors(parsed.error) };
    }
    const fileAnyway = form.get("fileAnyway") === "yes";
    const filedFrom = formString(form.get("filedFrom")) || undefined;
    const request = await fileWithDuplicateLinks(() => fileRequest(user, parsed.data, { teamId, via: "web", fileAnyway, filedFrom }));
    createdId = request.id;
    return { ok: true, message: `Request #${request.number} filed.` };
  });
  // redirect() works by throwing, so it stays outside the error handling above.
  if (createdId) {
    revalidatePath("/requests");
    redirect(`/requests/${createdId}`);
  }
  return state;
}
