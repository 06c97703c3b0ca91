import { REQUEST_STATUSES, type RequestStatus } from "../lifecycle";
import { CONNECTION_METHODS, type ConnectionMethod } from "../plan/plan-types";
import { ENVIRONMENTS, type Environment } from "../request-input";
import { SCENARIOS, type Scenario } from "../scenario";
import { MAX_PAGE, parsePageNumber } from "../validation/page-number";
import { classifySearchTerm, type SearchTerm } from "./search-term";

export const REQUEST_AGES = ["24h", "7d", "30d", "over-7d", "over-30d"] as const;
export type RequestAge = (typeof REQUEST_AGES)[number];
export const AGE_LABELS: Record<RequestAge, string> = {
  "24h": "Filed in the last 24 hours",
  "7d": "Filed in the last 7 days",
  "30d": "Filed in the last 30 days",
  "over-7d": "Filed more than 7 days ago",
  "over-30d": "Filed more than 30 days ago",
};

export const DRIFT_FILTERS = ["drifted", "in-sync"] as const;
export type DriftFilter = (typeof DRIFT_FILTERS)[number];
export const DRIFT_LABELS: Record<DriftFilter, string> = { drifted: "Drifted from AWS", "in-sync": "Active and in sync" };

// Active connections whose end date (AccessRequest.endsAt) falls within the next week.
export const EXPIRY_FILTERS = ["7d"] as const;
export type ExpiryFilter = (typeof EXPIRY_FILTERS)[number];
export const EXPIRY_LABELS: Record<ExpiryFilter, string> = { "7d": "Ending within 7 days" };

export const REQUEST_SORTS = ["newest", "oldest", "updated"] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];
export const SORT_LABELS: Record<RequestSort, string> = { newest: "Newest first", oldest: "Oldest first", updated: "Recently changed" };

export type RequestFilter = {
  /** The search box as typed (trimmed); `search` is what it was read as. */
  q?: string;
  search?: SearchTerm;
  statuses: RequestStatus[];
  scenarios: Scenario[];
  methods: ConnectionMethod[];
  environments: Environment[];
  age?: RequestAge;
  drift?: DriftFilter;
  expiring?: ExpiryFilter;
  sort: RequestSort;
  page: number;
};

export const FILTER_FIELDS = ["q", "status", "scenario", "method", "environment", "age", "drift", "expiring", "sort", "page"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type FilterErrors = Partial<Record<FilterField, string>>;

/** searchParams as Next gives them (a repeated key is a list) or a URL's. */
export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

const MAX_SEARCH_LENGTH = 200;

function valuesOf(raw: RawParams, key: string): string[] {
  const values = raw instanceof URLSearchParams ? raw.getAll(key) : [raw[key] ?? []].flat();
  // `status=SUBMITTED,FAILED` and `status=SUBMITTED&status=FAILED` mean the same.
  return values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

function listOf<T extends string>(raw: RawParams, key: FilterField, allowed: readonly T[], noun: string, errors: FilterErrors): T[] {
  const values = valuesOf(raw, key);
  const unknown = values.filter((v) => !allowed.includes(v as T));
  if (unknown.length) errors[key] = `Unknown ${noun} ${unknown.map((u) => `"${u.slice(0, 40)}"`).join(", ")}: use ${allowed.join(", ")}`;
  return [...new Set(values.filter((v): v is T => allowed.includes(v as T)))];
}

function oneOf<T extends string>(raw: RawParams, key: FilterField, allowed: readonly T[], errors: FilterErrors): T | undefined {
  const [value] = valuesOf(raw, key);
  if (value === undefined) return undefined;
  if (allowed.includes(value as T)) return value as T;
  errors[key] = `Unknown ${key} "${value.slice(0, 40)}": use ${allowed.join(", ")}`;
  return undefined;
}

/**
 * The requests list's filter from the URL. A bad value is reported at its field and left out, so a page still
 * shows the rest of the filter and the API can answer 400 naming exactly what to fix.
 */
export function parseRequestFilter(raw: RawParams): { filter: RequestFilter; errors: FilterErrors } {
  const errors: FilterErrors = {};
  const q = valuesOf(raw, "q").join(" ").trim();
  if (q.length > MAX_SEARCH_LENGTH) errors.q = `Search for at most ${MAX_SEARCH_LENGTH} characters`;
  const search = q && q.length <= MAX_SEARCH_LENGTH ? classifySearchTerm(q) : undefined;
  const [pageText] = valuesOf(raw, "page");
  const page = parsePageNumber(pageText);
  if (!page.ok) errors.page = page.message;
  const filter: RequestFilter = {
    ...(search ? { q, search } : {}),
    statuses: listOf(raw, "status", REQUEST_STATUSES, "status", errors),
    scenarios: listOf(raw, "scenario", SCENARIOS, "scenario", errors),
    methods: listOf(raw, "method", CONNECTION_METHODS, "method", errors),
    environments: listOf(raw, "environment", ENVIRONMENTS, "environment", errors),
    age: oneOf(raw, "age", REQUEST_AGES, errors),
    drift: oneOf(raw, "drift", DRIFT_FILTERS, errors),
    expiring: oneOf(raw, "expiring", EXPIRY_FILTERS, errors),
    sort: oneOf(raw, "sort", REQUEST_SORTS, errors) ?? "newest",
    page: page.ok ? page.page : pageText && /^\d+$/.test(pageText) ? MAX_PAGE : 1,
  };
  return { filter, errors };
}

/** The canonical query string of a filter: what links, pagination and the API's examples use. */
export function requestFilterQuery(filter: Partial<RequestFilter>, changes: Partial<RequestFilter> = {}): string {
  const f = { ...filter, ...changes };
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  for (const [key, values] of [
    ["status", f.statuses],
    ["scenario", f.scenarios],
    ["method", f.methods],
    ["environment", f.environments],
  ] as const) {
    if (values?.length) params.set(key, values.join(","));
  }
  if (f.age) params.set("age", f.age);
  if (f.drift) params.set("drift", f.drift);
  if (f.expiring) params.set("expiring", f.expiring);
  if (f.sort && f.sort !== "newest") params.set("sort", f.sort);
  if (f.page && f.page > 1) params.set("page", String(f.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Whether anything narrows the list (the empty state then says "no match" rather than "no requests yet"). */
export function isFiltered(filter: RequestFilter): boolean {
  return Boolean(
    filter.search || filter.statuses.length || filter.scenarios.length || filter.methods.length || filter.environments.length || filter.age || filter.drift || filter.expiring,
  );
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The end-date window an expiry filter means at `now`: from now (already ended is not "soon") to the bound. */
export function expiryBounds(expiring: ExpiryFilter | undefined, now: Date): { endsAfter: Date; endsBefore: Date } | null {
  return expiring === "7d" ? { endsAfter: now, endsBefore: new Date(now.getTime() + 7 * DAY_MS) } : null;
}

/** The filing-time bounds an age filter means at `now`. */
export function ageBounds(age: RequestAge | undefined, now: Date): { filedAfter?: Date; filedBefore?: Date } {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  switch (age) {
    case "24h":
      return { filedAfter: ago(DAY_MS) };
    case "7d":
      return { filedAfter: ago(7 * DAY_MS) };
    case "30d":
      return { filedAfter: ago(30 * DAY_MS) };
    case "over-7d":
      return { filedBefore: ago(7 * DAY_MS) };
    case "over-30d":
      return { filedBefore: ago(30 * DAY_MS) };
    default:
      return {};
  }
}
