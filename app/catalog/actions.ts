"use server";

import { revalidatePath } from "next/cache";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { refreshCatalog } from "@/lib/provisioner/refresh-catalog";

export async function refreshCatalogAction(): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("catalog.refresh");
    const result = await refreshCatalog({ kind: "user", userId: user.id, label: user.email });
    revalidatePath("/catalog");
    const failures = result.failures.map((f) => `${f.accountId}/${f.region}: ${f.message}`).join("; ");
    return failures
      ? { ok: false, message: `Found ${result.found} cluster(s); could not read ${failures}` }
      : { ok: true, message: `Found ${result.found} cluster(s)${result.missing ? `; ${result.missing} no longer exist` : ""}.` };
  });
}
