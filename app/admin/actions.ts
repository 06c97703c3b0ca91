"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { actionResult, type ActionState } from "@/lib/auth/action-state";
import { requireActionUser } from "@/lib/auth/guard";
import { removeAccount, saveAccount, savePlatformSettings } from "@/lib/db/admin/manage-platform";
import { archiveCluster, removeCluster, restoreCluster } from "@/lib/db/catalog/manage-clusters";
import { accountFormSchema, HUB_FIELDS, platformFormSchema } from "@/lib/domain/admin-input";
import { fieldErrors } from "@/lib/domain/request-input";
import { formString } from "@/lib/forms/form-string";
import type { AccessReport } from "@/lib/aws/iam";
import { roleArnFor } from "@/lib/aws";
import { config } from "@/lib/config";
import { accountAccessReport } from "@/lib/provisioner/account-access-report";

const list = (value: FormDataEntryValue | null) =>
  formString(value)
    .split(/[\s,]+/)
    .filter(Boolean);

/**
 * The role kit's role (PORTAL_ROLE_NAME) in the account, in the partition of its first Region, for a form that
 * left the role empty. With no usable account id the id's own error is the one to show, so any well-formed ARN
 * stands in (the account check runs only once the id is valid).
 */
const defaultRoleArn = (id: string, regions: string[]) =>
  roleArnFor(config().PORTAL_ROLE_NAME, /^\d{12}$/.test(id) ? id : "000000000000", regions[0] ?? "us-east-1");

/** The hub rows as the form numbers them (hubs.0.accountId, …), so errors come back to the right row. */
const hubRows = (form: FormData) => {
  const indexes = new Set([...form.keys()].flatMap((key) => /^hubs\.(\d+)\./.exec(key)?.[1] ?? []).map(Number));
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i) => Object.fromEntries(HUB_FIELDS.map((field) => [field, formString(form.get(`hubs.${i}.${field}`)).trim()])));
};

export async function saveAccountAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("platform.manage");
    const parsed = accountFormSchema.safeParse({
      id: formString(form.get("id")).trim(),
      name: formString(form.get("name")),
      kind: formString(form.get("kind")),
      roleArn: formString(form.get("roleArn")).trim() || defaultRoleArn(formString(form.get("id")).trim(), list(form.get("regions"))),
      externalId: formString(form.get("externalId")) || config().PORTAL_EXTERNAL_ID,
      regions: list(form.get("regions")),
      teamIds: form.getAll("teamIds").map((v) => formString(v)),
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
    const user = await requireActionUser("platform.manage");
    await removeAccount({ kind: "user", userId: user.id, label: user.email }, formString(form.get("id")));
    revalidatePath("/admin");
    revalidatePath("/catalog");
    return { ok: true, message: "Account removed." };
  });
}

const clusterOperation = z.enum(["archive", "restore", "remove"]);

export async function manageClusterAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("platform.manage");
    const operation = clusterOperation.safeParse(formString(form.get("operation")));
    if (!operation.success) return { ok: false, message: "Choose archive, restore or remove." };
    const actor = { kind: "user" as const, userId: user.id, label: user.email };
    const id = formString(form.get("id"));
    await { archive: archiveCluster, restore: restoreCluster, remove: removeCluster }[operation.data](actor, id);
    revalidatePath("/admin");
    revalidatePath("/catalog");
    revalidatePath("/requests/new");
    return { ok: true, message: { archive: "Cluster archived.", restore: "Cluster restored.", remove: "Cluster removed." }[operation.data] };
  });
}

export async function savePlatformAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return actionResult(async () => {
    const user = await requireActionUser("platform.manage");
    const parsed = platformFormSchema.safeParse({
      crossAccountVpcVia: formString(form.get("crossAccountVpcVia")),
      tgwDefaultPropagation: formString(form.get("tgwDefaultPropagation")),
      pathAnalysis: formString(form.get("pathAnalysis")),
      organizationArn: formString(form.get("organizationArn")).trim() || undefined,
      organizationAccountIds: list(form.get("organizationAccountIds")),
      ramSharingEnabled: form.get("ramSharingEnabled") === "on",
      hubs: hubRows(form),
      dxGatewayOwnerAccountId: formString(form.get("dxGatewayOwnerAccountId")).trim() || undefined,
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
    await requireActionUser("platform.manage");
    report = await accountAccessReport(formString(form.get("id")));
    return null;
  });
  if (report) return { ok: true, report };
  return { ok: false, message: refused?.message ?? "The test did not run." };
}
