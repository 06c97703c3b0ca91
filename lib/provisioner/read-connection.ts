import { GetBootstrapBrokersCommand } from "@aws-sdk/client-kafka";

import { bootstrapOf } from "@/lib/aws/discovery/cluster-settings";
import { asJson } from "@/lib/db/as-json";
import { db } from "@/lib/db/client";
import { clientSettingsFor, PRIVATE_BOOTSTRAP_FIELD } from "@/lib/domain/plan/client-settings";
import { MULTI_VPC_BOOTSTRAP_FIELD } from "@/lib/domain/plan/multi-vpc-plan";
import { readStoredPlan } from "@/lib/domain/plan/stored-plan";
import { AUTH_MODES, type AuthMode } from "@/lib/domain/request-input";

import type { RunnerDeps } from "./runner-deps";

export type ConnectionDetails = { bootstrap: string | null; clientSettings: ReturnType<typeof clientSettingsFor>; readAt: string };

// The plan was made before anything changed; multi-VPC bootstrap strings (and their ports) only exist once
// connectivity is on. So the strings the requester copies are read from MSK as the request becomes ACTIVE.
export async function readConnection(requestId: string, deps: RunnerDeps): Promise<ConnectionDetails | null> {
  const request = await db().accessRequest.findUnique({ where: { id: requestId }, include: { cluster: true } });
  const plan = readStoredPlan(request?.plan)?.plan;
  if (!request || !plan) return null;
  try {
    const out = await deps.access.kafka(request.cluster.accountId, request.cluster.region).send(new GetBootstrapBrokersCommand({ ClusterArn: request.cluster.arn }));
    const brokers = bootstrapOf(out);
    const multiVpc = plan.method === "multi-vpc-private-connectivity";
    const modes = request.authModes.filter((m): m is AuthMode => (AUTH_MODES as readonly string[]).includes(m));
    const field = (mode: AuthMode) => (multiVpc ? (mode === "plaintext" ? undefined : MULTI_VPC_BOOTSTRAP_FIELD[mode]) : PRIVATE_BOOTSTRAP_FIELD[mode]);
    const bootstrapFor = (mode: AuthMode) => {
      const key = field(mode);
      return key ? (brokers[key] ?? null) : null;
    };
    const details: ConnectionDetails = {
      bootstrap: modes.map(bootstrapFor).find((b) => b !== null) ?? null,
      clientSettings: clientSettingsFor(modes, bootstrapFor),
      readAt: new Date().toISOString(),
    };
    await db().accessRequest.update({ where: { id: requestId }, data: { connection: asJson(details) } });
    return details;
  } catch (error) {
    deps.log(`could not read bootstrap brokers for request ${requestId}: ${String(error)}`);
    return null;
  }
}
