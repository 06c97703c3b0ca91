import "server-only";

import type { AccountForm, PlatformForm } from "@/lib/domain/admin-input";
import { ExpectedError } from "@/lib/errors/expected-error";

import { asJsonObject } from "../as-json";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { db } from "../client";
import { Prisma } from "../generated/client";

export async function saveAccount(actor: AuditActor, form: AccountForm) {
  await db().$transaction(async (tx) => {
    const before = await tx.awsAccount.findUnique({ where: { id: form.id } });
    const data = { name: form.name, kind: form.kind, roleArn: form.roleArn, externalId: form.externalId || null, regions: form.regions };
    await tx.awsAccount.upsert({ where: { id: form.id }, create: { id: form.id, ...data }, update: data });
    await recordAuditEvent(tx, {
      actor,
      action: before ? "admin.account.update" : "admin.account.register",
      accountId: form.id,
      details: asJsonObject({ before: before ? { name: before.name, kind: before.kind, roleArn: before.roleArn, regions: before.regions } : null, after: data }),
    });
  });
}

export async function removeAccount(actor: AuditActor, accountId: string) {
  await db().$transaction(async (tx) => {
    const clusters = await tx.cluster.count({ where: { accountId } });
    if (clusters > 0) {
      throw new ExpectedError("conflict", `Account ${accountId} owns ${clusters} cluster(s) in the catalog; requests refer to them, so it stays registered.`);
    }
    const removed = await tx.awsAccount.deleteMany({ where: { id: accountId } });
    if (removed.count === 0) throw new ExpectedError("not-found", "No such account.");
    await recordAuditEvent(tx, { actor, action: "admin.account.remove", accountId });
  });
}

export async function savePlatformSettings(actor: AuditActor, form: PlatformForm) {
  const data = {
    crossAccountVpcVia: form.crossAccountVpcVia,
    organization: form.organizationArn
      ? { arn: form.organizationArn, accountIds: form.organizationAccountIds ?? [], ramSharingEnabled: form.ramSharingEnabled }
      : undefined,
    transitHubs: form.hub
      ? [
          {
            accountId: form.hub.accountId,
            region: form.hub.region,
            transitGatewayId: form.hub.transitGatewayId,
            routeTables: { sharedServices: form.hub.sharedServices, spokes: form.hub.sharedServices, onPrem: form.hub.onPrem },
            dxAllowedPrefixes: form.hub.dxAllowedPrefixes,
          },
        ]
      : [],
  };
  await db().$transaction(async (tx) => {
    await tx.platformSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...data, organization: data.organization ?? Prisma.DbNull, updatedBy: actor.kind === "user" ? actor.label : "system" },
      update: { ...data, organization: data.organization ?? Prisma.DbNull, updatedBy: actor.kind === "user" ? actor.label : "system" },
    });
    await recordAuditEvent(tx, { actor, action: "admin.settings.update", details: asJsonObject(data) });
  });
}
