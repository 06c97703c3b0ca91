"use server";

import { revalidatePath } from "next/cache";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/domain/roles";
import { ExpectedError } from "@/lib/errors/expected-error";
import { refreshCatalog } from "@/lib/provisioner/refresh-catalog";

export async function refreshCatalogAction(): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("catalog:read");
    if (!hasPermission(user.roles, "catalog:manage") && !hasPermission(user.roles, "request:approve")) {
      throw new ExpectedError("forbidden", "Only approvers and admins can refresh the catalog from AWS.");
    }
    const result = await refreshCatalog({ kind: "user", userId: user.id, label: user.email });
    revalidatePath("/catalog");
    const failures = result.failures.map((f) => `${f.accountId}/${f.region}: ${f.message}`).join("; ");
    return failures
      ? { ok: false, message: `Found ${result.found} cluster(s); could not read ${failures}` }
      : { ok: true, message: `Found ${result.found} cluster(s)${result.missing ? `; ${result.missing} no longer exist` : ""}.` };
  });
}
