import "server-only";

import { readClientLocation } from "@/lib/domain/client-location";
import { duplicateMessage, LIVE_STATUSES, sameClient } from "@/lib/domain/duplicate-requests";
import type { ClientLocation } from "@/lib/domain/request-input";
import { ExpectedError } from "@/lib/errors/expected-error";

import { db } from "../client";
import { visibleRequestsWhere, type Viewer } from "./request-visibility";

/** The request a new one is filed from ("edit and re-file", "file a similar request"): one the requester may see. */
export async function findFiledFrom(viewer: Viewer, id: string) {
  const source = await db().accessRequest.findFirst({
    where: { id, ...visibleRequestsWhere(viewer) },
    select: { id: true, number: true, status: true, teamId: true, requesterId: true, plan: true },
  });
  if (!source) throw new ExpectedError("bad-request", "Some fields need attention.", { filedFrom: ["The request this was filed from is not one you can see"] });
  return source;
}

/**
 * A live request (lib/domain/duplicate-requests) that already connects this client to this cluster makes a new
 * one most likely a mistake: refused as a conflict at the "file anyway" field, naming the request, unless the
 * requester confirmed. Every team's requests count: two teams sharing a VPC would otherwise race for one peering.
 */
export async function refuseDuplicates(clusterArn: string, client: ClientLocation, except: string | null): Promise<void> {
  // An unknown cluster is the filing's own field error, reported when it is created.
  const cluster = await db().cluster.findUnique({ where: { arn: clusterArn }, select: { id: true, name: true } });
  if (!cluster) return;
  const candidates = await db().accessRequest.findMany({
    where: {
      clusterId: cluster.id,
      status: { in: [...LIVE_STATUSES] },
      ...(except ? { id: { not: except } } : {}),
      // Narrowed in SQL where the client has one identifying value; on-premises ranges are compared below.
      ...(client.type === "aws-vpc" ? { client: { path: ["vpcId"], equals: client.vpcId } } : {}),
      ...(client.type === "saas" ? { client: { path: ["accountId"], equals: client.accountId } } : {}),
    },
    select: { id: true, number: true, client: true },
    orderBy: { number: "asc" },
  });
  const live = candidates.filter((r) => {
    const theirs = readClientLocation(r.client);
    return theirs !== null && sameClient(client, theirs);
  });
  if (live.length === 0) return;
  throw new DuplicateRequestError(duplicateMessage(cluster.name, live), live.map((r) => ({ id: r.id, number: r.number })));
}

/** The conflict, with the live requests named so that the form can link to them. */
export class DuplicateRequestError extends ExpectedError {
  readonly live: { id: string; number: number }[];

  constructor(message: string, live: { id: string; number: number }[]) {
    super("conflict", message, { fileAnyway: [message] });
    this.live = live;
  }
}
