"use server";

import { revalidatePath } from "next/cache";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { setClusterOwner } from "@/lib/db/catalog/set-cluster-owner";
import { formString } from "@/lib/forms/form-string";

/** Names the team that owns a catalog cluster (approval policies may need one approval from its members). */
export async function setClusterOwnerAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("platform.manage");
    const id = formString(form.get("id"));
    if (!id) return { ok: false, message: "Choose a cluster." };
    await setClusterOwner({ kind: "user", userId: user.id, label: user.email }, id, formString(form.get("ownerTeamId")) || null);
    revalidatePath("/admin");
    return { ok: true, message: "Owner team saved. Requests planned from now on use it." };
  });
}
