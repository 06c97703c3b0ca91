"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { fieldErrors, requestInputSchema } from "@/lib/domain/request-input";
import { fileRequest } from "@/lib/provisioner/plan-requests";

import { requestFromFormData } from "./form-data";

export async function submitRequest(_prev: ActionState, form: FormData): Promise<ActionState> {
  let createdId: string | undefined;
  const state = await actionResult(async () => {
    const user = await requireActionUser("request.create");
    const { input, teamId } = requestFromFormData(form);
    const parsed = requestInputSchema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, message: "Some fields need attention.", fieldErrors: fieldErrors(parsed.error) };
    }
    const request = await fileRequest(user, parsed.data, { teamId, via: "web" });
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
