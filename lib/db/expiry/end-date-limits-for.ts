import "server-only";

import { NO_END_DATE_LIMITS, type EndDateLimits } from "@/lib/domain/expiry/end-date";
import type { Environment } from "@/lib/domain/request-input";

/** What a request's end date is checked against when it is filed and when an extension is asked for. */
export type EndDateSubject = { environment: Environment; teamId: string; clusterId: string };

// The approval policy that matches the request will say whether an end date is needed and how far out it may
// be (its requireEndDate and maxDurationDays). Until policies carry those, no end date is required and only
// the portal's own horizon bounds one.
export function endDateLimitsFor(subject: EndDateSubject): Promise<EndDateLimits> {
  void subject;
  return Promise.resolve(NO_END_DATE_LIMITS);
}
