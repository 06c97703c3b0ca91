import { z } from "zod";
import type { World } from "../state/world";

export const operationFailureSchema = z.strictObject({
  clusterArn: z.string(),
  errorCode: z.string().min(1),
  errorString: z.string().min(1),
});

/**
 * Makes the cluster's next UpdateConnectivity end UPDATE_FAILED with this ErrorInfo, as a rolling update
 * that MSK gives up on does; the connectivity stays as it was. False when there is no such cluster.
 */
export function failNextConnectivityUpdate(world: World, input: z.infer<typeof operationFailureSchema>): boolean {
  const cluster = world.state.clusters[input.clusterArn];
  if (!cluster) return false;
  cluster.failNextUpdate = { errorCode: input.errorCode, errorString: input.errorString };
  return true;
}
