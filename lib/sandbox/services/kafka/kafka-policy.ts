import { z } from "zod";
import { awsError } from "../../core/aws-error";
import { newVersion } from "../../core/ids";
import { parseJsonBody } from "../../protocols/json-input";
import type { RequestContext } from "../../state/world";
import { findCluster, requireOwner } from "./kafka-access";

const putInput = z.object({ policy: z.string().min(1), currentVersion: z.string().optional() });

/** Replacing an existing policy needs its CurrentVersion (MSK API reference, PutClusterPolicy). */
export function putClusterPolicy(ctx: RequestContext, arn: string, body: string) {
  const input = parseJsonBody(putInput, body, "BadRequestException");
  const cluster = findCluster(ctx, arn);
  requireOwner(ctx, cluster, "kafka:PutClusterPolicy");
  try {
    JSON.parse(input.policy);
  } catch {
    throw awsError("BadRequestException", "The policy is not valid JSON.");
  }
  if (cluster.policy && input.currentVersion !== cluster.policy.version) {
    throw awsError(
      "BadRequestException",
      input.currentVersion
        ? `The provided policy version ${input.currentVersion} does not match the current version ${cluster.policy.version}.`
        : "A cluster policy already exists; CurrentVersion is required to replace it.",
    );
  }
  cluster.policy = { document: input.policy, version: newVersion(ctx.world.state.counter) };
  return { currentVersion: cluster.policy.version };
}

export function getClusterPolicy(ctx: RequestContext, arn: string) {
  const cluster = findCluster(ctx, arn);
  requireOwner(ctx, cluster, "kafka:GetClusterPolicy");
  if (!cluster.policy) throw awsError("NotFoundException", `No cluster policy exists for ${arn}.`, 404);
  return { currentVersion: cluster.policy.version, policy: cluster.policy.document };
}

export function deleteClusterPolicy(ctx: RequestContext, arn: string) {
  const cluster = findCluster(ctx, arn);
  requireOwner(ctx, cluster, "kafka:DeleteClusterPolicy");
  cluster.policy = undefined;
  return {};
}
