import { readBootstrapBrokers } from "@/lib/aws/discovery/bootstrap-brokers";
import { asJson } from "@/lib/db/as-json";
import { db } from "@/lib/db/client";
import { clientConnection } from "@/lib/domain/plan/client-settings";
import type { ClientSettings } from "@/lib/domain/plan/plan-types";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";
import { AUTH_MODES, type AuthMode } from "@/lib/domain/request-input";

import type { RunnerDeps } from "./runner-deps";

export type ConnectionDetails = { bootstrap: string | null; clientSettings: ClientSettings; readAt: string };

// The plan was made before anything changed; multi-VPC bootstrap strings (and their ports) only exist once
// connectivity is on. So the strings the requester copies are read from MSK as the request becomes ACTIVE,
// and told by the same rule as the plan (clientConnection), so the request is shown what it was promised.
export async function readConnection(requestId: string, deps: RunnerDeps): Promise<ConnectionDetails | null> {
  const request = await db().accessRequest.findUnique({ where: { id: requestId }, include: { cluster: true } });
  if (!request) return null;
  const plan = readStoredPlan(request)?.plan;
  if (!plan) return null;
  try {
    const brokers = await readBootstrapBrokers(deps.access, request.cluster);
    const modes = request.authModes.filter((m): m is AuthMode => (AUTH_MODES as readonly string[]).includes(m));
    const details: ConnectionDetails = { ...clientConnection(brokers, modes, plan.method), readAt: new Date().toISOString() };
    await db().accessRequest.update({ where: { id: requestId }, data: { connection: asJson(details) } });
    return details;
  } catch (error) {
    deps.log(`could not read bootstrap brokers for request ${requestId}: ${String(error)}`);
    return null;
  }
}
