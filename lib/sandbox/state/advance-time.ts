import { cidrsOverlap } from "../core/cidr";
import { finishConnectivityUpdate } from "../services/kafka/kafka-operations";
import type { World } from "./world";

/**
 * Moves every slow transition whose due time has passed to its next state. Called before each
 * request, so the state is a function of the clock and no timers are needed.
 */
export function advanceTime(world: World, now: number): void {
  const { state } = world;

  for (const p of Object.values(state.peerings)) {
    // Loop because several transitions may have become due since the last request.
    for (;;) {
      if (p.status === "initiating-request" && p.dueAt !== undefined && now >= p.dueAt) {
        const at = p.dueAt;
        if (!p.accepter.cidrBlock || cidrsOverlap(p.requester.cidrBlock, p.accepter.cidrBlock)) {
          p.status = "failed";
          p.statusMessage = "Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range";
          p.dueAt = undefined;
        } else {
          p.status = "pending-acceptance";
          p.statusMessage = `Pending Acceptance by ${p.accepter.accountId}`;
          p.dueAt = Math.max(p.expiresAt, at);
        }
        continue;
      }
      if (p.status === "pending-acceptance" && now >= p.expiresAt) {
        p.status = "expired";
        p.statusMessage = "Expired";
        p.dueAt = undefined;
        continue;
      }
      if (p.status === "provisioning" && p.dueAt !== undefined && now >= p.dueAt) {
        p.status = "active";
        p.statusMessage = "Active";
        p.dueAt = undefined;
        continue;
      }
      break;
    }
  }

  for (const a of Object.values(state.tgwAttachments)) {
    if (a.dueAt === undefined || now < a.dueAt) continue;
    if (a.state === "pending") a.state = "available";
    else if (a.state === "deleting") {
      a.state = "deleted";
      a.associatedRouteTableId = undefined;
    }
    a.dueAt = undefined;
  }

  for (const c of Object.values(state.clusters)) {
    if (c.pendingUpdate && now >= c.pendingUpdate.dueAt) finishConnectivityUpdate(c, Object.values(state.vpcConnections));
  }

  for (const v of Object.values(state.vpcConnections)) {
    if (v.dueAt === undefined || now < v.dueAt) continue;
    if (v.state === "CREATING") v.state = "AVAILABLE";
    else if (v.state === "DELETING") {
      delete state.vpcConnections[v.arn];
      continue;
    }
    else if (v.state === "REJECTING") v.state = "REJECTED";
    v.dueAt = undefined;
  }
}
