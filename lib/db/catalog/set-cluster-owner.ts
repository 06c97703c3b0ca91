import "server-only";

import { ExpectedError } from "@/lib/errors/expected-error";

import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event";
import { db } from "../client";

/** Names the team that owns a cluster (null: none); approval policies may ask for one approval from it. */
export async function setClusterOwner(actor: AuditActor, clusterId: string, teamId: string | null) {
  await db().$transaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({ where: { id: clusterId }, include: { ownerTeam: { select: { slug: true } } } });
    if (!cluster) throw new ExpectedError("not-found", "No such cluster.");
    const team = teamId ? await tx.team.findUnique({ where: { id: teamId }, select: { slug: true } }) : null;
    if (teamId && !team) throw new ExpectedError("bad-request", "Some fields need attention.", { ownerTeamId: ["Choose a team that exists"] });
    await tx.cluster.update({ where: { id: clusterId }, data: { ownerTeamId: teamId } });
    await recordAuditEvent(tx, {
      actor,
      action: "catalog.cluster.owner",
      accountId: cluster.accountId,
      region: cluster.region,
      resourceIds: [cluster.arn],
      details: { name: cluster.name, from: cluster.ownerTeam?.slug ?? null, to: team?.slug ?? null },
    });
  });
}
