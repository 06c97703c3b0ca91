import { PLAN_TRAIT_LABELS, type PolicyMatch, type PolicyOutcome } from "./policy-schema";

/** The outcome in words, for the admin list: teams named through `teamName`. */
export function describeOutcome(outcome: PolicyOutcome, teamName: (id: string) => string): string {
  if (outcome.kind === "auto-approve") return "Approved automatically";
  if (outcome.kind === "reject") return `Rejected automatically: ${outcome.reason}`;
  const extra = [
    ...(outcome.fromTeam ? [`at least one from ${teamName(outcome.fromTeam)}`] : []),
    ...(outcome.fromClusterOwner ? ["at least one from the cluster's owner team"] : []),
  ];
  return `${outcome.count} approval${outcome.count === 1 ? "" : "s"} from different people${extra.length ? `, ${extra.join(" and ")}` : ""}`;
}

/** What a policy matches, in words; "every request" when it asks nothing. */
export function describeMatch(match: PolicyMatch, names: { team: (id: string) => string; cluster: (arn: string) => string }): string {
  const parts = [
    match.environments.length ? `environment ${match.environments.join(" or ")}` : "",
    match.scenarios.length ? `scenario ${match.scenarios.join(" or ")}` : "",
    match.methods.length ? `method ${match.methods.join(" or ")}` : "",
    match.clusterArns.length ? `cluster ${match.clusterArns.map(names.cluster).join(" or ")}` : "",
    match.clientAccountIds.length ? `client account ${match.clientAccountIds.join(" or ")}` : "",
    match.teams.length ? `team ${match.teams.map(names.team).join(" or ")}` : "",
    match.authModes.length ? `auth modes include ${match.authModes.join(" or ")}` : "",
    ...match.traits.map((t) => `plan ${PLAN_TRAIT_LABELS[t]}`),
    match.minSteps !== null ? `plan has ${match.minSteps}+ steps` : "",
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : "every request";
}
