import type { RequestPrefill } from "@/lib/domain/request-prefill";
import type { AuthMode } from "@/lib/domain/request-input";

type ClientType = "aws-vpc" | "on-prem" | "saas";
const DEFAULT_AUTH_MODES: AuthMode[] = ["iam"];

/** The form's starting values: empty, or those of the request it was opened from. */
export function initialValues(prefill: RequestPrefill | undefined, firstClusterArn: string, defaultRegion: string) {
  const client = prefill?.client ?? null;
  const topics = prefill?.topicAccess;
  return {
    clusterArn: prefill?.clusterArn ?? firstClusterArn,
    clientType: client?.type ?? ("aws-vpc" satisfies ClientType),
    vpc:
      client?.type === "aws-vpc"
        ? {
            accountId: client.accountId,
            region: client.region,
            vpcId: client.vpcId,
            securityGroupIds: client.securityGroupIds.join(", "),
            subnetIds: client.subnetIds?.join(", ") ?? "",
          }
        : { accountId: "", region: defaultRegion, vpcId: "", securityGroupIds: "", subnetIds: "" },
    onPrem: client?.type === "on-prem" ? client.cidrs.join("\n") : "",
    saas: client?.type === "saas" ? { accountId: client.accountId, providerName: client.providerName } : { accountId: "", providerName: "" },
    authModes: prefill?.authModes.length ? prefill.authModes : DEFAULT_AUTH_MODES,
    multiVpc: prefill?.multiVpc ?? false,
    teamId: prefill?.teamId,
    environment: prefill?.environment ?? "dev",
    justification: prefill?.justification ?? "",
    topics: {
      readTopics: topics?.readTopics.join(", ") ?? "",
      writeTopics: topics?.writeTopics.join(", ") ?? "",
      consumerGroups: topics?.consumerGroups.join(", ") ?? "",
    },
  };
}
