import "server-only";

import { z } from "zod";

import { readClientLocation } from "@/lib/domain/client-location";
import type { ConnectionGrant } from "@/lib/domain/client-vpc-connections";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";

import { db } from "../client";
import { stepKindColumn } from "../enums/domain-enums";
import type { RequestStatus } from "../generated/client";

// From approval until its teardown has removed it, a request's grant may stand in the cluster policy.
const GRANTING: RequestStatus[] = [
  "APPROVED",
  "PROVISIONING",
  "VERIFYING",
  "ACTIVE",
  "FAILED",
  "ROLLING_BACK",
  "DECOMMISSIONING",
];

const connectionOutputs = z.object({ VpcConnectionArn: z.string().optional() });
const connectionInput = z.object({ VpcId: z.string().optional() });

/**
 * The multi-VPC grants of the cluster's live requests: each request's client account (a SaaS provider's, or the
 * VPC client's) and the connections its own steps made.
 */
export async function listConnectionGrants(clusterId: string): Promise<ConnectionGrant[]> {
  const requests = await db().accessRequest.findMany({
    where: { clusterId, status: { in: GRANTING } },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      client: true,
      plan: true,
      steps: { where: { kind: stepKindColumn.toDb("create-vpc-connection") }, select: { input: true, outputs: true } },
    },
  });
  return requests.flatMap((r) => {
    const client = readClientLocation(r.client);
    const accountId = client && client.type !== "on-prem" ? client.accountId : null;
    if (!accountId || readStoredPlan(r)?.plan?.method !== "multi-vpc-private-connectivity") return [];
    const made = r.steps.flatMap((s) => {
      const arn = connectionOutputs.safeParse(s.outputs ?? {}).data?.VpcConnectionArn;
      const vpcId = connectionInput.safeParse(s.input).data?.VpcId;
      return arn && vpcId ? [{ arn, vpcId }] : [];
    });
    return [{ requestId: r.id, requestNumber: r.number, accountId, made }];
  });
}
