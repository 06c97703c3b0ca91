// How much one request may ask for. A request is read by an approver and turned into a plan that runs step by
// step, so its size is bounded where it is parsed: one request with 5,000 CIDRs once made a 15,008-step plan
// whose page took 89 seconds. Security groups follow AWS's default of 5 per network interface, which the
// MSK-side ENIs and the client's own share.
export const REQUEST_LIMITS = {
  cidrs: 50,
  subnets: 16,
  securityGroups: 5,
  topicNamesPerList: 100,
  justification: 2000,
  providerName: 100,
  comment: 2000,
  /** Far above any real plan (a few dozen steps); a plan past it is refused, not stored. */
  planSteps: 500,
} as const;
