import type { AwsAccess } from "@/lib/aws";

import type { RunnerLimits } from "./backoff";

export type RunnerDeps = {
  access: AwsAccess;
  tagKeys: { requestId: string; stepKey: string };
  limits: RunnerLimits;
  log: (line: string) => void;
  // Test seam: called at each step boundary; a throw here behaves like the worker dying at that point.
  atBoundary?: (boundary: { step: string; point: "started" | "succeeded" | "undone" }) => void;
};
