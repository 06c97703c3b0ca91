import { cidrsOverlap, parseCidr } from "./cidr";
import type { RequestStatus } from "./lifecycle";
import type { ClientLocation } from "./request-input";

/**
 * Requests that connect their client now or are on their way to: a new request for the same client and
 * cluster is most likely a mistake (a second peering attempt, a forgotten earlier filing). Requests being
 * removed or already gone do not count.
 */
export const LIVE_STATUSES = ["SUBMITTED", "APPROVED", "PROVISIONING", "VERIFYING", "ACTIVE", "FAILED"] as const satisfies readonly RequestStatus[];

const cidrOf = (text: string) => {
  const parsed = parseCidr(text);
  return parsed.ok ? parsed.cidr : null;
};

/** Whether two requests' clients are the same network: the same VPC, overlapping on-premises ranges, or the same SaaS account. */
export function sameClient(a: ClientLocation, b: ClientLocation): boolean {
  if (a.type === "aws-vpc" && b.type === "aws-vpc") return a.accountId === b.accountId && a.region === b.region && a.vpcId === b.vpcId;
  if (a.type === "saas" && b.type === "saas") return a.accountId === b.accountId;
  if (a.type === "on-prem" && b.type === "on-prem") {
    const ours = a.cidrs.map(cidrOf).filter((c) => c !== null);
    return b.cidrs.map(cidrOf).some((theirs) => theirs !== null && ours.some((c) => cidrsOverlap(c, theirs)));
  }
  return false;
}

export type LiveRequest = { id: string; number: number; status: RequestStatus; client: ClientLocation };

/** The words at the form's "file anyway" field, naming the live requests that already connect the client. */
export function duplicateMessage(clusterName: string, live: readonly Pick<LiveRequest, "number">[]): string {
  const numbers = live.map((r) => `#${r.number}`).join(", ");
  const one = live.length === 1;
  return `${one ? "Request" : "Requests"} ${numbers} already ${one ? "connects" : "connect"} this client to ${clusterName}. Open ${one ? "it" : "them"}, or confirm that you want to file another one anyway.`;
}
