"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { deletePolicy, movePolicy, savePolicy } from "@/lib/db/approval-policies/manage-policies";
import { policyFormSchema } from "@/lib/domain/approval-policy";
import { fieldErrors } from "@/lib/domain/request-input";
import { formString } from "@/lib/forms/form-string";

import { policyFormInput } from "./policy-form-data";

const actorOf = (user: { id: string; email: string }) => ({ kind: "user" as const, userId: user.id, label: user.email });

/** Creates a policy, or saves the next version of the one named by `id`. */
export async function savePolicyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("approval-policy.manage");
    const parsed = policyFormSchema.safeParse(policyFormInput(form));
    if (!parsed.success) return { ok: false, message: "Some fields need attention.", fieldErrors: fieldErrors(parsed.error) };
    const id = formString(form.get("id")) || undefined;
    const saved = await savePolicy(actorOf(user), parsed.data, id);
    revalidatePath("/admin/policies");
    return { ok: true, message: id ? `Saved as version ${saved.version}. Requests planned from now on use it.` : "Policy created.", data: { id: saved.id } };
  });
}

const moveSchema = z.object({ id: z.string().min(1), direction: z.enum(["up", "down"]) });

export async function movePolicyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("approval-policy.manage");
    const parsed = moveSchema.safeParse({ id: formString(form.get("id")), direction: formString(form.get("direction")) });
    if (!parsed.success) return { ok: false, message: "Choose a policy and a direction." };
    await movePolicy(actorOf(user), parsed.data.id, parsed.data.direction);
    revalidatePath("/admin/policies");
    return { ok: true, message: "Order saved." };
  });
}

export async function deletePolicyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("approval-policy.manage");
    const id = formString(form.get("id"));
    if (!id) return { ok: false, message: "Choose a policy." };
    await deletePolicy(actorOf(user), id);
    revalidatePath("/admin/policies");
    return { ok: true, message: "Policy deleted. Requests it applied to keep naming it." };
  });
}
