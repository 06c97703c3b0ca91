import { readClientLocation, readTopicAccess } from "./client-location";
import type { RequestStatus } from "./lifecycle";
import type { RecommendedMethod } from "./recommended-method";
import { AUTH_MODES, ENVIRONMENTS, type AuthMode, type ClientLocation, type Environment, type TopicAccessInput } from "./request-input";

/** What the new-request form starts from when it is opened from an existing request. */
export type RequestPrefill = {
  from: { id: string; number: number };
  clusterArn: string;
  teamId: string;
  client: ClientLocation | null;
  authModes: AuthMode[];
  environment: Environment;
  justification: string;
  multiVpc: boolean;
  topicAccess: TopicAccessInput | undefined;
};

type SourceRequest = {
  id: string;
  number: number;
  teamId: string;
  cluster: { arn: string };
  client: unknown;
  authModes: readonly string[];
  environment: string;
  justification: string;
  preferredMethod: string | null;
  topicAccess: unknown;
};

/** The source request's fields, read through their schemas; `method` is the recommendation taken in one click. */
export function prefillFrom(request: SourceRequest, options: { method?: RecommendedMethod | null } = {}): RequestPrefill {
  const client = readClientLocation(request.client);
  const environment = ENVIRONMENTS.find((e) => e === request.environment) ?? "dev";
  return {
    from: { id: request.id, number: request.number },
    clusterArn: request.cluster.arn,
    teamId: request.teamId,
    client,
    authModes: request.authModes.filter((m): m is AuthMode => (AUTH_MODES as readonly string[]).includes(m)),
    environment,
    justification: request.justification,
    multiVpc: client?.type === "aws-vpc" && (options.method === "multi-vpc-private-connectivity" || request.preferredMethod === "multi-vpc-private-connectivity"),
    topicAccess: readTopicAccess(request.topicAccess),
  };
}

/**
 * A request that will not connect anything as filed (it needs changes, or was rejected, cancelled or rolled
 * back) is edited and filed again; any other is the start of a similar one. Both open the same prefilled form.
 */
export function refileKind(status: RequestStatus, needsChanges: boolean): "edit-and-refile" | "file-similar" {
  if (needsChanges || status === "REJECTED" || status === "CANCELLED" || status === "ROLLED_BACK") return "edit-and-refile";
  return "file-similar";
}
