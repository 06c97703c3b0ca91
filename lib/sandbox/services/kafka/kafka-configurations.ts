import { awsError } from "../../core/aws-error";
import type { RequestContext } from "../../state/world";

/**
 * DescribeConfigurationRevision (MSK API reference, "configurations-arn-revisions-revision"): ServerProperties
 * is the revision's server.properties, base64 on the wire (a blob). Configurations belong to an account and
 * Region and have no resource policy.
 */
export function describeConfigurationRevision(ctx: RequestContext, arn: string, revision: string) {
  const configuration = Object.values(ctx.world.state.clusters)
    .filter((c) => c.accountId === ctx.accountId && c.region === ctx.region)
    .map((c) => c.configuration)
    .find((c) => c?.arn === arn);
  if (!configuration) throw awsError("NotFoundException", `The configuration ${arn} does not exist.`, 404);
  if (String(configuration.revision) !== revision) {
    throw awsError("NotFoundException", `Revision ${revision} of configuration ${arn} does not exist.`, 404);
  }
  return {
    arn: configuration.arn,
    creationTime: new Date(configuration.createdAt).toISOString(),
    description: "",
    revision: configuration.revision,
    serverProperties: Buffer.from(configuration.serverProperties, "utf8").toString("base64"),
  };
}
