import "server-only";

import type { RequestStatus } from "@/lib/domain/lifecycle";
import { parseRequestFilter } from "@/lib/domain/requests/request-filter";
import { clampPage } from "@/lib/domain/validation/page-number";

import type { Viewer } from "./request-visibility";
import { searchRequests } from "./search-requests";

export { REQUESTS_PAGE_SIZE, type RequestListRow } from "./search-requests";

// The unfiltered list by status, for callers that do not take a filter from a URL.
export async function listRequests(
  viewer: Viewer,
  options: { statuses?: RequestStatus[]; page?: number; pageSize?: number; withPlan?: boolean; oldestFirst?: boolean } = {},
) {
  const { filter } = parseRequestFilter({});
  return searchRequests(
    viewer,
    { ...filter, statuses: options.statuses ?? [], page: clampPage(options.page ?? 1), sort: options.oldestFirst ? "oldest" : "newest" },
    { pageSize: options.pageSize, withPlan: options.withPlan },
  );
}
