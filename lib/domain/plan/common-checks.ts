import type { AuthMode } from "../request-input";
import type { ClusterFacts } from "./facts";
import { addFinding, type PlanDraft } from "./draft";
import { AWS_RULES } from "./rules";

const AUTH_LABELS: Record<AuthMode, string> = { iam: "IAM", scram: "SASL/SCRAM", tls: "TLS", plaintext: "plaintext" };

export function checkAuthModes(draft: PlanDraft, cluster: ClusterFacts, modes: readonly AuthMode[]): void {
  for (const mode of modes) {
    if (cluster.enabledAuthModes.includes(mode)) continue;
    addFinding(draft, {
      severity: "block",
      code: "auth-mode-not-enabled",
      message: `${cluster.name} does not have ${AUTH_LABELS[mode]} client authentication enabled`,
      remedy: `Choose one of ${cluster.enabledAuthModes.map((m) => AUTH_LABELS[m]).join(", ") || "the cluster's modes"}, or ask the cluster owner to enable ${AUTH_LABELS[mode]}`,
      rule: AWS_RULES.mskAuthEnabled,
    });
  }
}

export function checkAlreadySatisfied(draft: PlanDraft): void {
  if (draft.steps.length > 0 || draft.preflight.some((f) => f.severity === "block")) return;
  addFinding(draft, {
    severity: "info",
    code: "already-satisfied",
    message: "The network already lets this client reach the cluster on the requested ports: nothing to do",
    remedy: "Approve to record the access, or cancel the request",
  });
}
