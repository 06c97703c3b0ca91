"use server";

import { revalidatePath } from "next/cache";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { removeAccount, saveAccount, savePlatformSettings } from "@/lib/db/admin/manage-platform";
import { accountFormSchema, platformFormSchema } from "@/lib/domain/admin-input";
import { fieldErrors } from "@/lib/domain/request-input";
import { formString } from "@/lib/forms/form-string";
import type { AccessReport } from "@/lib/aws/iam";
import { accountAccessReport } from "@/lib/provisioner/account-access-report";

const list = (value: FormDataEntryValue | null) =>
  formString(value)
    .split(/[\s,]+/)
    .filter(Boolean);

export async function saveAccountAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("catalog:manage");
    const parsed = accountFormSchema.safeParse({
      id: formString(form.get("id")).trim(),
      name: formString(form.get("name")),
      kind: formString(form.get("kind")),
      roleArn: formString(form.get("roleArn")),
      externalId: formString(form.get("externalId")) || undefined,
      regions: list(form.get("regions")),
    });
    if (!parsed.success) return { ok: false, message: "Some fields need attention.", fieldErrors: fieldErrors(parsed.error) };
    await saveAccount({ kind: "user", userId: user.id, label: user.email }, parsed.data);
    revalidatePath("/admin");
    revalidatePath("/catalog");
    return { ok: true, message: `Account ${parsed.data.id} saved.` };
  });
}

export async function removeAccountAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("catalog:manage");
    await removeAccount({ kind: "user", userId: user.id, label: user.email }, formString(form.get("id")));
    revalidatePath("/admin");
    return { ok: true, message: "Account removed." };
  });
}

export async function savePlatformAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("catalog:manage");
    const hubAccount = formString(form.get("hub.accountId")).trim();
    const parsed = platformFormSchema.safeParse({
      crossAccountVpcVia: formString(form.get("crossAccountVpcVia")),
      organizationArn: formString(form.get("organizationArn")).trim() || undefined,
      organizationAccountIds: list(form.get("organizationAccountIds")),
      ramSharingEnabled: form.get("ramSharingEnabled") === "on",
      hub: hubAccount
        ? {
            accountId: hubAccount,
            region: formString(form.get("hub.region")).trim(),
            transitGatewayId: formString(form.get("hub.transitGatewayId")).trim(),
            sharedServices: formString(form.get("hub.sharedServices")).trim(),
            onPrem: formString(form.get("hub.onPrem")).trim(),
            dxAllowedPrefixes: list(form.get("hub.dxAllowedPrefixes")),
          }
        : undefined,
    });
    if (!parsed.success) return { ok: false, message: "Some fields need attention.", fieldErrors: fieldErrors(parsed.error) };
    await savePlatformSettings({ kind: "user", userId: user.id, label: user.email }, parsed.data);
    revalidatePath("/admin");
    return { ok: true, message: "Platform settings saved. New plans use them." };
  });
}

export type AccessTestState = { ok: true; report: AccessReport } | { ok: false; message: string } | null;

export async function testAccessAction(_prev: AccessTestState, form: FormData): Promise<AccessTestState> {
  let report: AccessReport | undefined;
  const refused = await actionResult(async () => {
    await requireActionUser("catalog:manage");
    report = await accountAccessReport(formString(form.get("id")));
    return null;
  });
  if (report) return { ok: true, report };
  return { ok: false, message: refused?.message ?? "The test did not run." };
}
