import { z } from "zod";

import type { ResolvedOutcome } from "./evaluate-policies";

/** One person's approval as recorded: their teams (ids) as they were when they approved. */
export const recordedApprovalSchema = z.object({ userId: z.string(), label: z.string(), teams: z.array(z.string()), at: z.string() });
export type RecordedApproval = z.infer<typeof recordedApprovalSchema>;

export type ApprovalState = { outcome: ResolvedOutcome; approvals: readonly RecordedApproval[]; requesterId: string };

export type ApprovalProgress = {
  satisfied: boolean;
  /** The approvals that count: never the requester's, each person once. */
  counted: RecordedApproval[];
  /** What is still missing, one phrase each ("1 more approval", "one from platform-network"). */
  needed: string[];
  /** One line for people: "1 of 2 approvals; needs one from platform-network". */
  summary: string;
};

export type ApproverCandidate = { userId: string; teamIds: readonly string[] };

function countedApprovals(state: ApprovalState): RecordedApproval[] {
  const seen = new Set<string>([state.requesterId]);
  return state.approvals.filter((a) => !seen.has(a.userId) && seen.add(a.userId));
}

type TeamRequirement = { team: string | null; phrase: string };

// The "at least one from" requirements not yet met. An owner requirement with no owner team set can never be
// met: the request waits for an admin to name the owner (and a re-plan) rather than skipping the rule.
function missingTeams(outcome: Extract<ResolvedOutcome, { kind: "approvals" }>, counted: readonly RecordedApproval[]): TeamRequirement[] {
  const has = (teamId: string) => counted.some((a) => a.teams.includes(teamId));
  const missing: TeamRequirement[] = [];
  if (outcome.fromTeam && !has(outcome.fromTeam.id)) missing.push({ team: outcome.fromTeam.id, phrase: `one from ${outcome.fromTeam.slug}` });
  const owner = outcome.clusterOwner;
  if (owner && owner.team === null) {
    missing.push({ team: null, phrase: `one from the team that owns ${owner.cluster} (none is set: an admin sets it under Admin, then re-plan)` });
  } else if (owner?.team && !has(owner.team.id) && owner.team.id !== outcome.fromTeam?.id) {
    missing.push({ team: owner.team.id, phrase: `one from ${owner.team.slug} (owns ${owner.cluster})` });
  }
  return missing;
}

/** Where a request stands against its policy's outcome, given the approvals recorded so far. */
export function approvalProgress(state: ApprovalState): ApprovalProgress {
  const counted = countedApprovals(state);
  const { outcome } = state;
  if (outcome.kind === "auto-approve") return { satisfied: true, counted, needed: [], summary: "Approved by the policy: no person needs to approve" };
  if (outcome.kind === "reject") return { satisfied: false, counted, needed: [], summary: `Rejected by the policy: ${outcome.reason}` };
  const teams = missingTeams(outcome, counted).map((m) => m.phrase);
  // Approvals from anyone still missing beyond those the team requirements will bring.
  const short = Math.max(0, outcome.count - counted.length - teams.length);
  const needed = [...(short > 0 ? [`${short} more approval${short === 1 ? "" : "s"}`] : []), ...teams];
  const satisfied = counted.length >= outcome.count && teams.length === 0;
  const tally = `${Math.min(counted.length, outcome.count)} of ${outcome.count} approval${outcome.count === 1 ? "" : "s"}`;
  const summary = satisfied ? `${tally}: nothing more needed` : teams.length ? `${tally}; needs ${teams.join(" and ")}` : tally;
  return { satisfied, counted, needed, summary };
}

export type WouldCount = { counts: true } | { counts: false; reason: string };

/**
 * Whether this person's approval would count now. Separation of duties is absolute (the requester never
 * counts), a person counts once, and an approval that would leave the request exactly as far from its
 * policy as before (every free place is reserved for a team) is not taken.
 */
export function approvalWouldCount(state: ApprovalState, person: ApproverCandidate, noun: "request" | "extension" = "request"): WouldCount {
  if (person.userId === state.requesterId) return { counts: false, reason: "You filed this request, so your approval cannot count: someone else must approve it" };
  const counted = countedApprovals(state);
  if (counted.some((a) => a.userId === person.userId)) return { counts: false, reason: `You have already approved this ${noun}; each person counts once` };
  const { outcome } = state;
  if (outcome.kind === "auto-approve") return { counts: false, reason: `The policy approves this ${noun} by itself; no person needs to approve it` };
  if (outcome.kind === "reject") return { counts: false, reason: `The policy rejects this ${noun}: ${outcome.reason}` };
  const missing = missingTeams(outcome, counted);
  if (approvalProgress(state).satisfied) return { counts: false, reason: `This ${noun} already has every approval its policy asks for` };
  if (missing.some((m) => m.team !== null && person.teamIds.includes(m.team))) return { counts: true };
  const freePlaces = outcome.count - counted.length - missing.length;
  if (freePlaces > 0) return { counts: true };
  return { counts: false, reason: `Your approval would not count: this ${noun} still needs ${missing.map((m) => m.phrase).join(" and ")}` };
}
