import type { MultiVpcAuthMode } from "./facts";
import { addFinding } from "./draft";
import { AWS_RULES } from "./rules";
import type { PlanContext } from "./context";

/** Schemes whose clients Kafka authorizes by ACLs rather than by IAM policies. */
const ACL_MODES: readonly MultiVpcAuthMode[] = ["scram", "tls"];

/**
 * What MSK requires of the cluster itself before multi-VPC connectivity carries the requested schemes, beyond
 * version and broker type: no unauthenticated access (UpdateConnectivity is refused while it is on), and for
 * SASL/SCRAM or mTLS a configuration that denies resources without ACLs.
 */
export function checkClusterForMultiVpc(ctx: PlanContext, modes: readonly MultiVpcAuthMode[]): void {
  const { cluster, draft } = ctx;
  if (cluster.unauthenticatedAccess) {
    addFinding(draft, {
      severity: "block",
      code: "multi-vpc-unauthenticated",
      message: `${cluster.name} has unauthenticated access turned on; MSK does not turn on multi-VPC private connectivity for such a cluster`,
      remedy: "Turn off unauthenticated access on the cluster (UpdateSecurity, after moving its plaintext clients to an authenticated mode), then plan again",
      rule: AWS_RULES.mvpcUnauthenticated,
    });
  }
  const aclModes = modes.filter((m) => ACL_MODES.includes(m));
  if (aclModes.length > 0 && cluster.allowEveryoneIfNoAclFound) {
    const names = aclModes.map((m) => (m === "scram" ? "SASL/SCRAM" : "TLS")).join(" and ");
    addFinding(draft, {
      severity: "block",
      code: "multi-vpc-acl-default-allow",
      message: `${cluster.name}'s configuration lets everyone reach resources without ACLs (allow.everyone.if.no.acl.found is not false); multi-VPC private connectivity for ${names} requires it to be false`,
      remedy: "Set Apache Kafka ACLs for the cluster's clients, then apply a configuration revision with allow.everyone.if.no.acl.found=false (UpdateClusterConfiguration) and plan again",
      rule: AWS_RULES.mvpcAcls,
    });
  }
}
