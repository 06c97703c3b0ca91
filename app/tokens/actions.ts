"use server";

import { revalidatePath } from "next/cache";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { createToken } from "@/lib/db/tokens/create-token";
import { revokeOwnToken } from "@/lib/db/tokens/manage-tokens";
import { formString } from "@/lib/forms/form-string";
import { fieldErrors } from "@/lib/domain/request-input";
import { tokenFormSchema } from "@/lib/domain/people/token-input";
import { TOKEN_SCOPE_LABELS } from "@/lib/domain/people/token-scope";

export async function createTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("token.manage-own");
    const parsed = tokenFormSchema.safeParse({
      name: form.get("name") ?? "",
      scope: formString(form.get("scope")),
      lifetimeDays: formString(form.get("lifetimeDays")),
    });
    if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
    const { name, scope, lifetimeDays } = parsed.data;
    const { token, expiresAt } = await createToken(db(), user, name, { scope, lifetimeDays });
    revalidatePath("/tokens");
    return {
      ok: true,
      message: `Token created (${TOKEN_SCOPE_LABELS[scope].toLowerCase()}, expires ${expiresAt?.toISOString().slice(0, 10) ?? "never"}). Copy it now: it is not shown again.`,
      data: { token },
    };
  });
}

export async function revokeTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("token.manage-own");
    const revoked = await revokeOwnToken(user, formString(form.get("tokenId")));
    revalidatePath("/tokens");
    return revoked ? { ok: true, message: "Token revoked." } : { ok: false, message: "No such active token of yours." };
  });
}
