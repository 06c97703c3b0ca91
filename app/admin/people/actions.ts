"use server";

import { revalidatePath } from "next/cache";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { currentIdpManagement } from "@/lib/auth/idp-management";
import { registerPerson } from "@/lib/db/people/register-person";
import { deactivatePerson, reactivatePerson, revokePersonSessions } from "@/lib/db/people/set-person-active";
import { updatePerson } from "@/lib/db/people/update-person";
import { revokeAnyToken } from "@/lib/db/tokens/manage-tokens";
import { registerPersonSchema, updatePersonSchema } from "@/lib/domain/people/person-input";
import { fieldErrors } from "@/lib/domain/request-input";
import { formString } from "@/lib/forms/form-string";

const PAGE = "/admin/people";
const all = (form: FormData, name: string) => form.getAll(name).map((v) => formString(v));

async function administrator() {
  const user = await requireActionUser("people.manage");
  return { kind: "user" as const, userId: user.id, label: user.email };
}

export async function registerPersonAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const actor = await administrator();
    const parsed = registerPersonSchema.safeParse({
      email: formString(form.get("email")).trim(),
      name: formString(form.get("name")),
      roles: all(form, "roles"),
      teamIds: all(form, "teamIds"),
    });
    if (!parsed.success) return { ok: false, message: "Some fields need attention.", fieldErrors: fieldErrors(parsed.error) };
    await registerPerson(actor, parsed.data, currentIdpManagement());
    revalidatePath(PAGE);
    return { ok: true, message: `${parsed.data.email} registered. They can sign in now.` };
  });
}

export async function updatePersonAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const actor = await administrator();
    const parsed = updatePersonSchema.safeParse({ userId: formString(form.get("userId")), roles: all(form, "roles"), teamIds: all(form, "teamIds") });
    if (!parsed.success) return { ok: false, message: "Some fields need attention.", fieldErrors: fieldErrors(parsed.error) };
    const outcome = await updatePerson(actor, parsed.data, currentIdpManagement());
    revalidatePath(PAGE);
    return { ok: true, message: outcome === "updated" ? "Saved. Their sessions were ended; they sign in again with the new access." : "Nothing to change." };
  });
}

export async function deactivatePersonAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const actor = await administrator();
    await deactivatePerson(actor, formString(form.get("userId")));
    revalidatePath(PAGE);
    return { ok: true, message: "Deactivated: their sessions and API tokens stopped working." };
  });
}

export async function reactivatePersonAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const actor = await administrator();
    await reactivatePerson(actor, formString(form.get("userId")));
    revalidatePath(PAGE);
    return { ok: true, message: "Reactivated: they can sign in again (old tokens stay revoked)." };
  });
}

export async function revokePersonSessionsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const actor = await administrator();
    const count = await revokePersonSessions(actor, formString(form.get("userId")));
    revalidatePath(PAGE);
    return { ok: true, message: count === 0 ? "They had no live sessions." : `Signed out of ${count} session(s).` };
  });
}

export async function revokeAnyTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const actor = await administrator();
    const revoked = await revokeAnyToken(actor, formString(form.get("tokenId")));
    revalidatePath(PAGE);
    return revoked ? { ok: true, message: "Token revoked." } : { ok: false, message: "No such active token." };
  });
}
