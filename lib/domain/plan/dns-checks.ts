import type { VpcNetworkFacts } from "./facts";
import { addFinding, type PlanDraft } from "./draft";
import { AWS_RULES } from "./rules";

export function checkVpcDns(draft: PlanDraft, side: "client" | "cluster", vpc: VpcNetworkFacts): void {
  const off = [!vpc.dnsSupport && "DNS resolution", !vpc.dnsHostnames && "DNS hostnames"].filter(Boolean);
  if (off.length === 0) return;
  addFinding(draft, {
    severity: "warn",
    code: vpc.dnsSupport ? "dns-hostnames-off" : "dns-resolution-off",
    message: `${off.join(" and ")} ${off.length > 1 ? "are" : "is"} off in the ${side} VPC ${vpc.vpcId}, so the broker names may not resolve to private addresses`,
    remedy: `Turn on enableDnsHostnames and enableDnsSupport on ${vpc.vpcId} (ModifyVpcAttribute)`,
    rule: AWS_RULES.peeringDns,
  });
}
