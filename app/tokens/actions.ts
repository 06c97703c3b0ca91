"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { createToken } from "@/lib/db/tokens/create-token";
import { revokeOwnToken } from "@/lib/db/tokens/manage-tokens";
import { formString } from "@/lib/forms/form-string";
import { fieldErrors } from "@/lib/domain/request-input";

const nameSchema = z.object({
  name: z.string().trim().min(3, "Name the token after what uses it (at least 3 characters)").max(80, "Keep the name under 80 characters"),
});

export async function createTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("token.manage-own");
    const parsed = nameSchema.safeParse({ name: form.get("name") ?? "" });
    if (!parsed.success) return { ok: false, message: "Check the name.", fieldErrors: fieldErrors(parsed.error) };
    const { token } = await createToken(db(), user, parsed.data.name);
    revalidatePath("/tokens");
    return { ok: true, message: "Token created. Copy it now: it is not shown again.", data: { token } };
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
