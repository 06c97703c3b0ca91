import {
  DeleteNetworkInsightsAnalysisCommand,
  DeleteNetworkInsightsPathCommand,
  DescribeNetworkInsightsAnalysesCommand,
  DescribeNetworkInsightsPathsCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";

import { describeAwsError } from "../aws-errors";

/**
 * Deletes the paths and analyses an earlier run for this request left behind (a worker that died mid-run,
 * a delete that failed): found by the request's tag, analyses first, as a path with analyses cannot go.
 */
export async function deleteLeftoverInsights(ec2: EC2Client, requestTag: { Key: string; Value: string }, log: (line: string) => void): Promise<void> {
  const paths = await ec2.send(new DescribeNetworkInsightsPathsCommand({ Filters: [{ Name: `tag:${requestTag.Key}`, Values: [requestTag.Value] }] }));
  for (const path of paths.NetworkInsightsPaths ?? []) {
    const pathId = path.NetworkInsightsPathId;
    if (!pathId) continue;
    try {
      const analyses = await ec2.send(new DescribeNetworkInsightsAnalysesCommand({ NetworkInsightsPathId: pathId }));
      for (const a of analyses.NetworkInsightsAnalyses ?? []) {
        if (a.NetworkInsightsAnalysisId) await ec2.send(new DeleteNetworkInsightsAnalysisCommand({ NetworkInsightsAnalysisId: a.NetworkInsightsAnalysisId }));
      }
      await ec2.send(new DeleteNetworkInsightsPathCommand({ NetworkInsightsPathId: pathId }));
    } catch (error) {
      // A still-running analysis cannot be deleted yet; the next run tries again.
      log(`could not delete the earlier path ${pathId}: ${describeAwsError(error).message}`);
    }
  }
}
