/**
 * Who may decommission a connection, as the approval policy that applied to it says: its requesting team or an
 * operator (the default), or only operators (approvers and administrators), so that a team cannot take down,
 * say, a production path on its own. The expiry decommissions at the end date whatever this says.
 */
export const DECOMMISSION_BY = ["team-or-operator", "operators"] as const;
export type DecommissionBy = (typeof DECOMMISSION_BY)[number];

export const DECOMMISSION_BY_LABELS: Record<DecommissionBy, string> = {
  "team-or-operator": "the requesting team or an operator",
  operators: "operators only (approvers and administrators)",
};
