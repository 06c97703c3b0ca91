import type { Clock } from "../core/clock";
import type { ParsedTopology } from "../topology/schema";
import type { SandboxState } from "./types";

/** Everything a handler may read or change. */
export type World = { state: SandboxState; topology: ParsedTopology; clock: Clock };

/** Who is calling, where: decided from the SigV4 credential scope and the access key. */
export type RequestContext = {
  world: World;
  accessKeyId: string;
  accountId: string;
  region: string;
  requestId: string;
  now: number;
};
