import type { StepKind } from "@/lib/domain/plan";
import { AWS_DELAYS } from "@/lib/sandbox/core/clock";

type DelayName = keyof typeof AWS_DELAYS;

// The sandbox transitions each step has to wait out before the runner may go on (lib/sandbox/state/advance-time.ts
// and the services that set `dueAt`). Steps run one after another, so every one of them is on the critical path.
const WAITS: Partial<Record<StepKind, DelayName[]>> = {
  // initiating-request -> pending-acceptance: create-peering is done only once the request has left initiating.
  "create-peering": ["peeringInitiate"],
  // Accept -> provisioning -> active: accept-peering is done only at active.
  "accept-peering": ["peeringProvision"],
  // pending -> available (after the owner's acceptance when the TGW is another account's): accept-tgw-attachment,
  // or the first route or association that needs the attachment, waits for it.
  "attach-vpc-to-tgw": ["tgwAttachment"],
  // UpdateConnectivity: the cluster is UPDATING until the brokers have the new connectivity.
  "enable-multi-vpc-connectivity": ["mskConnectivityUpdate"],
  // CreateVpcConnection: CREATING -> AVAILABLE.
  "create-vpc-connection": ["mskVpcConnection"],
};

/** Steps that sit polling while one of those transitions runs (the TGW owner's acceptance step waits for available). */
export const WAITING_KINDS: ReadonlySet<string> = new Set([...Object.keys(WAITS), "accept-tgw-attachment"]);

export type CriticalPath = { delays: DelayName[]; awsMs: number };

/**
 * AWS's own delays (unscaled) that a plan waits for in sequence, on a sandbox in its seeded state; with
 * `analysed`, the Reachability Analyzer run after verification too (its analyses run side by side: one delay).
 */
export function criticalPath(steps: { kind: string }[], analysed = false): CriticalPath {
  // Kinds read back from the database are plain strings.
  const waits: Partial<Record<string, DelayName[]>> = WAITS;
  const delays: DelayName[] = [...steps.flatMap((s) => waits[s.kind] ?? []), ...(analysed ? (["pathAnalysis"] as const) : [])];
  return { delays, awsMs: delays.reduce((sum, d) => sum + AWS_DELAYS[d], 0) };
}

/** The same delays as the sandbox imposes them at `timeScale` (it rounds each one the same way). */
export function scaledMs(path: CriticalPath, timeScale: number): number {
  return path.delays.reduce((sum, d) => sum + Math.round(AWS_DELAYS[d] * timeScale), 0);
}
