import application from "@/deploy/iam/policies/application.json";
import clusterOwner from "@/deploy/iam/policies/cluster-owner.json";
import transit from "@/deploy/iam/policies/transit.json";
import { policyDocumentSchema, type PolicyDocument } from "./policy-document";

/**
 * The role kit's policies as a platform team deploys them from deploy/iam: a topology account with a
 * `roleKind` and no `rolePolicy` has exactly these, as it would after rolling the kit out.
 */
export const ROLE_KINDS = ["cluster-owner", "application", "transit"] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

export const DEFAULT_ROLE_POLICIES: Record<RoleKind, PolicyDocument> = {
  "cluster-owner": policyDocumentSchema.parse(clusterOwner),
  application: policyDocumentSchema.parse(application),
  transit: policyDocumentSchema.parse(transit),
};
