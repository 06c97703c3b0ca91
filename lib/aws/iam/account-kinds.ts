import type { Side } from "./iam-needs";

/**
 * The kinds of account the role kit deploys a role to, and the sides of a plan each plays. A cluster
 * owner's account also holds clients (same VPC, other VPC, other Region), so it plays the client side too.
 * A SaaS provider's account gets no role: the provider makes its own VPC connection.
 */
export const KIT_ACCOUNT_KINDS = ["cluster-owner", "application", "transit"] as const;
export type KitAccountKind = (typeof KIT_ACCOUNT_KINDS)[number];

export const SIDES_OF: Record<KitAccountKind, Side[]> = {
  "cluster-owner": ["cluster", "client"],
  application: ["client"],
  transit: ["transit"],
};

/** The database's AccountKind, as the kit names it; null for a kind that gets no role. */
export function kitKindOf(kind: "CLUSTER_OWNER" | "APPLICATION" | "TRANSIT" | "SAAS_PROVIDER"): KitAccountKind | null {
  if (kind === "CLUSTER_OWNER") return "cluster-owner";
  if (kind === "APPLICATION") return "application";
  if (kind === "TRANSIT") return "transit";
  return null;
}
