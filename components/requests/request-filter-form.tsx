import Link from "next/link";

import { buttonStyles, inputStyles } from "@/components/ui/button-styles";
import { REQUEST_STATUSES, STATUS_LABELS } from "@/lib/domain/lifecycle";
import { METHOD_LABELS } from "@/lib/domain/method-labels";
import { CONNECTION_METHODS } from "@/lib/domain/plan/plan-types";
import { ENVIRONMENTS } from "@/lib/domain/request-input";
import {
  AGE_LABELS,
  DRIFT_FILTERS,
  DRIFT_LABELS,
  EXPIRY_FILTERS,
  EXPIRY_LABELS,
  REQUEST_AGES,
  REQUEST_SORTS,
  SORT_LABELS,
  type FilterErrors,
  type FilterField,
  type RequestFilter,
} from "@/lib/domain/requests/request-filter";
import { SCENARIOS, SCENARIO_LABELS } from "@/lib/domain/scenario";

type Choice = { value: string; label: string };
const choices = <T extends string>(values: readonly T[], label: (v: T) => string): Choice[] => values.map((v) => ({ value: v, label: label(v) }));

function Select({ name, label, options, selected, error }: { name: FilterField; label: string; options: Choice[]; selected: string[]; error?: string }) {
  // A list from a link (several statuses at once) stays selectable as it came, beside the single choices.
  const several = selected.length > 1 ? [{ value: selected.join(","), label: `${selected.length} chosen` }] : [];
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={selected.join(",")}
        className={inputStyles}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `filter-${name}-error` : undefined}
      >
        <option value="">Any</option>
        {[...several, ...options].map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`filter-${name}-error`} className="mt-1 text-xs text-rose-700" aria-live="polite">
          {error}
        </p>
      ) : null}
    </div>
  );
}

// A plain GET form: the filter is the URL, so it can be bookmarked, shared and used with the keyboard alone.
export function RequestFilterForm({ action, filter, errors, hide = [] }: { action: string; filter: RequestFilter; errors: FilterErrors; hide?: FilterField[] }) {
  const shown = (field: FilterField) => !hide.includes(field);
  return (
    <form action={action} className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4" role="search" aria-label="Search and filter requests">
      <div className="sm:col-span-2">
        <label htmlFor="filter-q" className="block text-xs font-medium text-slate-600">
          Search
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filter.q ?? ""}
          placeholder="#12, vpc-…, account, cluster, team or requester"
          className={inputStyles}
          aria-describedby="filter-q-help"
          aria-invalid={errors.q ? true : undefined}
        />
        <p id="filter-q-help" className="mt-1 text-xs text-slate-500" aria-live="polite">
          {errors.q ?? "A request number, a client VPC id, a 12-digit account, or part of a cluster, team or e-mail."}
        </p>
      </div>
      {shown("status") ? <Select name="status" label="Status" options={choices(REQUEST_STATUSES, (s) => STATUS_LABELS[s])} selected={filter.statuses} error={errors.status} /> : null}
      <Select name="scenario" label="Scenario" options={choices(SCENARIOS, (s) => SCENARIO_LABELS[s].title)} selected={filter.scenarios} error={errors.scenario} />
      <Select name="method" label="Method" options={choices(CONNECTION_METHODS, (m) => METHOD_LABELS[m])} selected={filter.methods} error={errors.method} />
      <Select name="environment" label="Environment" options={choices(ENVIRONMENTS, (e) => e)} selected={filter.environments} error={errors.environment} />
      <Select name="age" label="Age" options={choices(REQUEST_AGES, (a) => AGE_LABELS[a])} selected={filter.age ? [filter.age] : []} error={errors.age} />
      {shown("drift") ? <Select name="drift" label="Drift" options={choices(DRIFT_FILTERS, (d) => DRIFT_LABELS[d])} selected={filter.drift ? [filter.drift] : []} error={errors.drift} /> : null}
      {shown("expiring") ? <Select name="expiring" label="End date" options={choices(EXPIRY_FILTERS, (e) => EXPIRY_LABELS[e])} selected={filter.expiring ? [filter.expiring] : []} error={errors.expiring} /> : null}
      {shown("sort") ? <Select name="sort" label="Sort" options={choices(REQUEST_SORTS, (s) => SORT_LABELS[s])} selected={[filter.sort]} error={errors.sort} /> : null}
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonStyles.primary}>
          Search
        </button>
        <Link href={action} className={buttonStyles.secondary}>
          Clear
        </Link>
      </div>
      {errors.page ? (
        <p className="text-xs text-rose-700 sm:col-span-2 lg:col-span-4" aria-live="polite">
          Page: {errors.page}
        </p>
      ) : null}
    </form>
  );
}
