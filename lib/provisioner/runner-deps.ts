import type { AwsAccess } from "@/lib/aws";

import type { RunnerLimits } from "./backoff";

export type RunnerDeps = {
  access: AwsAccess;
  tagKeys: { requestId: string; stepKey: string };
  limits: RunnerLimits;
  log: (line: string) => void;
};
