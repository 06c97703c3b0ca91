import type { Prisma } from "@/lib/db/generated/client";
import { transitionRequest } from "@/lib/db/requests/transition-request";
import type { LifecycleAction } from "@/lib/domain/lifecycle";

import { PROVISIONER } from "./step-store";

export function systemTransition(
  requestId: string,
  action: LifecycleAction,
  extra: { details?: Prisma.InputJsonObject; alsoInTransaction?: Parameters<typeof transitionRequest>[0]["alsoInTransaction"] } = {},
) {
  return transitionRequest({ requestId, action, actor: { kind: "system" }, auditActor: PROVISIONER, ...extra });
}
