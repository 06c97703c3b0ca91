import "server-only";

import type { AccountForm, PlatformForm } from "@/lib/domain/admin-input";
import { ExpectedError } from "@/lib/errors/expected-error";

import { asJsonObject } from "../as-json";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { deleteClusterRow } from "../catalog/manage-clusters";
import { db } from "../client";
import { Prisma } from "../generated/client";

export async function saveAccount(actor: AuditActor, form: AccountForm) {
  await db().$transaction(async (tx) => {
    const before = await tx.awsAccount.findUnique({ where: { id: form.id }, include: { teams: { include: { team: true } } } });
    const teams = await tx.team.findMany({ where: { id: { in: form.teamIds } }, select: { id: true, slug: true } });
    if (teams.length !== new Set(form.teamIds).size) {
      throw new ExpectedError("bad-request", "Some fields need attention.", { teamIds: ["One of the chosen teams no longer exists; reload the page"] });
    }
    const data = { name: form.name, kind: form.kind, roleArn: form.roleArn, externalId: form.externalId || null, regions: form.regions };
    await tx.awsAccount.upsert({ where: { id: form.id }, create: { id: form.id, ...data }, update: data });
    await tx.accountTeam.deleteMany({ where: { accountId: form.id, teamId: { notIn: form.teamIds } } });
    await tx.accountTeam.createMany({ data: form.teamIds.map((teamId) => ({ accountId: form.id, teamId })), skipDuplicates: true });
    const summary = (a: { name: string; kind: string; roleArn: string; regions: string[] }, slugs: string[]) => ({
      name: a.name,
      kind: a.kind,
      roleArn: a.roleArn,
      regions: a.regions,
      teams: [...slugs].sort(),
    });
    await recordAuditEvent(tx, {
      actor,
      action: before ? "admin.account.update" : "admin.account.register",
      accountId: form.id,
      details: asJsonObject({
        before: before ? summary(before, before.teams.map((t) => t.team.slug)) : null,
        after: summary(data, teams.map((t) => t.slug)),
      }),
    });
  });
}

// Its catalog clusters go with it unless a request names one: requests keep their cluster and the cluster its
// account, so such an account stays (its clusters can be archived) and the history stays readable.
export async function removeAccount(actor: AuditActor, accountId: string) {
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Cluster" WHERE "accountId" = ${accountId} FOR UPDATE`;
    const clusters = await tx.cluster.findMany({ where: { accountId }, include: { _count: { select: { requests: true } } } });
    const named = clusters.filter((c) => c._count.requests > 0);
    if (named.length > 0) {
      throw new ExpectedError(
        "conflict",
        `Requests refer to ${named.map((c) => c.name).join(", ")} in account ${accountId}, so the account stays registered; archive those clusters to hide them.`,
      );
    }
    for (const cluster of clusters) await deleteClusterRow(tx, actor, cluster);
    const removed = await tx.awsAccount.deleteMany({ where: { id: accountId } });
    if (removed.count === 0) throw new ExpectedError("not-found", "No such account.");
    await recordAuditEvent(tx, { actor, action: "admin.account.remove", accountId, details: { clustersRemoved: clusters.map((c) => c.name) } });
  });
}

export async function savePlatformSettings(actor: AuditActor, form: PlatformForm) {
  const data = {
    crossAccountVpcVia: form.crossAccountVpcVia,
    tgwDefaultPropagation: form.tgwDefaultPropagation,
    pathAnalysis: form.pathAnalysis,
    organization: form.organizationArn
      ? { arn: form.organizationArn, accountIds: form.organizationAccountIds ?? [], ramSharingEnabled: form.ramSharingEnabled }
      : undefined,
    transitHubs: form.hubs.map((hub) => ({
      accountId: hub.accountId,
      region: hub.region,
      transitGatewayId: hub.transitGatewayId,
      routeTables: { sharedServices: hub.clusterSide, spokes: hub.clientSide, onPrem: hub.onPrem },
    })),
    dxGatewayOwnerAccountId: form.dxGatewayOwnerAccountId ?? null,
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
