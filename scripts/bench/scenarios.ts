import type { ClientLocation } from "@/lib/domain/request-input";
import type { Scenario } from "@/lib/domain/scenario";

// One client per scenario, in the sandbox's default topology (the same ones lib/provisioner/provisioning.test.ts uses).
export const BENCH_SCENARIOS: { scenario: Scenario; client: ClientLocation }[] = [
  {
    scenario: "same-vpc",
    client: {
      type: "aws-vpc",
      accountId: "111111111111",
      region: "us-east-1",
      vpcId: "vpc-0aaa0000000000001",
      securityGroupIds: ["sg-0aaa0000000000002"],
    },
  },
  {
    scenario: "cross-vpc",
    client: {
      type: "aws-vpc",
      accountId: "111111111111",
      region: "us-east-1",
      vpcId: "vpc-0aaa0000000000002",
      securityGroupIds: ["sg-0aaa0000000000011"],
    },
  },
  {
    scenario: "cross-region",
    client: {
      type: "aws-vpc",
      accountId: "111111111111",
      region: "us-west-2",
      vpcId: "vpc-0aaa0000000000003",
      securityGroupIds: ["sg-0aaa0000000000021"],
    },
  },
  {
    scenario: "cross-account",
    client: {
      type: "aws-vpc",
      accountId: "222222222222",
      region: "us-east-1",
      vpcId: "vpc-0bbb0000000000001",
      securityGroupIds: ["sg-0bbb0000000000001"],
    },
  },
  { scenario: "on-prem", client: { type: "on-prem", cidrs: ["192.168.10.0/24"] } },
  { scenario: "saas", client: { type: "saas", accountId: "444444444444", providerName: "StreamCo" } },
];
