import type { ConnectionMethod } from "./plan/plan-types";

export const METHOD_LABELS: Record<ConnectionMethod, string> = {
  "security-group-only": "Security group rule only",
  "vpc-peering": "VPC peering",
  "transit-gateway": "Transit Gateway",
  "multi-vpc-private-connectivity": "MSK multi-VPC private connectivity",
};
