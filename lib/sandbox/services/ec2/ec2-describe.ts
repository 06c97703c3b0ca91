import { awsError } from "../../core/aws-error";
import { applyFilters, type FilterFields, type Tagged } from "../../core/filters";
import { paginate } from "../../core/pagination";
import { qFilters, qInt, qStr, type QueryNode } from "../../protocols/query-input";

/**
 * The common shape of EC2 Describe calls: explicit ids (each must exist, else `notFoundCode`),
 * filters, then MaxResults/NextToken paging.
 */
export function describeItems<T extends Tagged>(
  q: QueryNode,
  visible: T[],
  idOf: (t: T) => string,
  ids: string[],
  notFoundCode: string,
  fields: FilterFields<T>,
): { page: T[]; nextToken: string | undefined } {
  let items = visible;
  if (ids.length > 0) {
    const byId = new Map(visible.map((v) => [idOf(v), v]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      throw awsError(notFoundCode, `The ID '${missing.join(", ")}' does not exist`);
    }
    items = ids.map((id) => byId.get(id)).filter((v): v is T => v !== undefined);
  }
  const filtered = applyFilters(items, qFilters(q), fields);
  const sorted = ids.length > 0 ? filtered : [...filtered].sort((a, b) => idOf(a).localeCompare(idOf(b)));
  return paginate(sorted, qInt(q, "MaxResults"), qStr(q, "NextToken"), "InvalidPaginationToken");
}
