import type { AuditFilter } from "./list-audit-events";

export type AuditSearchParams = { request?: string; actor?: string; action?: string; from?: string; to?: string; page?: string };

// The filter form is a plain GET form, so the URL is shareable; bad dates are reported beside their field
// and ignored rather than failing the page.
export function auditFilterFromParams(params: AuditSearchParams): { filter: AuditFilter; page: number; errors: { from?: string; to?: string } } {
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
  return { filter, page: Math.max(1, Number(params.page) || 1), errors };
}
