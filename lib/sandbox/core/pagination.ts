import { awsError } from "./aws-error";

/**
 * MaxResults/NextToken paging over an already filtered list. The token is opaque to the
 * caller, as in AWS; it encodes the offset.
 */
export function paginate<T>(
  items: T[],
  maxResults: number | undefined,
  nextToken: string | undefined,
  invalidTokenCode = "InvalidPaginationToken",
): { page: T[]; nextToken: string | undefined } {
  let start = 0;
  if (nextToken) {
    const decoded = Number(Buffer.from(nextToken, "base64url").toString("utf8").replace(/^o:/, ""));
    if (!Number.isInteger(decoded) || decoded < 0) {
      throw awsError(invalidTokenCode, `Invalid NextToken: ${nextToken}`);
    }
    start = decoded;
  }
  const size = maxResults && maxResults > 0 ? maxResults : items.length;
  const end = start + size;
  const page = items.slice(start, end);
  const more = end < items.length;
  return { page, nextToken: more ? Buffer.from(`o:${end}`).toString("base64url") : undefined };
}
