"use server";

import { revalidatePath } from "next/cache";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { createFreeze, deleteFreeze } from "@/lib/db/approval-policies/manage-freezes";
import { freezeFormSchema } from "@/lib/domain/approval-policy";
import { fieldErrors } from "@/lib/domain/request-input";
import { formString } from "@/lib/forms/form-string";

const actorOf = (user: { id: string; email: string }) => ({ kind: "user" as const, userId: user.id, label: user.email });

// The form's datetime-local fields carry no zone: they are read as UTC, as the labels say.
const utc = (value: FormDataEntryValue | null) => {
  const text = formString(value).trim();
  const date = new Date(/Z$|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`);
  return text && !Number.isNaN(date.getTime()) ? date : undefined;
};

export async function createFreezeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("change-freeze.manage");
    const parsed = freezeFormSchema.safeParse({ startsAt: utc(form.get("startsAt")), endsAt: utc(form.get("endsAt")), reason: formString(form.get("reason")) });
    if (!parsed.success) return { ok: false, message: "Some fields need attention.", fieldErrors: fieldErrors(parsed.error) };
    await createFreeze(actorOf(user), parsed.data);
    revalidatePath("/admin/freezes");
    return { ok: true, message: "Freeze saved. While it lasts nothing is approved and nothing starts provisioning." };
  });
}

export async function deleteFreezeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("change-freeze.manage");
    const id = formString(form.get("id"));
    if (!id) return { ok: false, message: "Choose a freeze." };
    await deleteFreeze(actorOf(user), id);
    revalidatePath("/admin/freezes");
    return { ok: true, message: "Freeze removed. What it held goes ahead within seconds." };
  });
}
