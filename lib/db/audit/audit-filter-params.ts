import { clampPage } from "@/lib/domain/validation/page-number";

import type { AuditFilter } from "./list-audit-events";

// A parameter given twice arrives as a list; the first one counts.
export type AuditSearchParams = Partial<Record<"request" | "actor" | "action" | "from" | "to" | "page", string | string[]>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// The filter form is a plain GET form, so the URL is shareable; bad dates are reported beside their field
// and ignored rather than failing the page.
export function auditFilterFromParams(raw: AuditSearchParams): { filter: AuditFilter; page: number; errors: { from?: string; to?: string } } {
  const params = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, first(value)?.slice(0, 200)])) as Record<keyof AuditSearchParams, string | undefined>;
  const errors: { from?: string; to?: string } = {};
  const date = (value: string | undefined, key: "from" | "to") => {
    if (!value) return undefined;
    const parsed = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
    if (Number.isNaN(parsed.getTime())) {
      errors[key] = "Not a date and time";
      return undefined;
    }
    return parsed;
  };
  const filter: AuditFilter = {
    requestId: params.request?.trim() || undefined,
    actor: params.actor?.trim() || undefined,
    action: params.action?.trim() || undefined,
    from: date(params.from, "from"),
    to: date(params.to, "to"),
  };
  if (filter.from && filter.to && filter.from > filter.to) errors.to = "Must be after From";
  return { filter, page: clampPage(params.page), errors };
}
