import Link from "next/link";

import { CopyButton } from "@/components/ui/copy-button";
import { formatTimeToSecond } from "@/components/ui/format-time";
import type { AuditRow } from "@/lib/db/audit/audit-keyset";

// One event: the summary fits a row; the details open in place, pretty-printed, with every resource id copyable.
export function AuditEventRow({ event }: { event: AuditRow }) {
  const details = JSON.stringify(event.details, null, 2);
  const hasDetails = details !== "{}";
  return (
    <li className="px-4 py-3" data-testid="audit-row">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
        <time dateTime={event.at.toISOString()} className="whitespace-nowrap font-mono text-xs text-slate-600">
          {formatTimeToSecond(event.at)}
        </time>
        <span className="font-mono text-xs font-semibold text-slate-900">{event.action}</span>
        <span className="text-slate-700">{event.actorLabel}</span>
        {event.requestId ? (
          <Link className="text-indigo-700 hover:underline" href={`/requests/${event.requestId}`}>
            Request #{event.requestNumber ?? "?"}
          </Link>
        ) : null}
        {event.accountId || event.region ? (
          <span className="font-mono text-xs text-slate-600">{[event.accountId, event.region].filter(Boolean).join(" · ")}</span>
        ) : null}
      </div>
      {event.resourceIds.length ? (
        <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1" aria-label="Resource ids">
          {event.resourceIds.map((id) => (
            <li key={id} className="flex max-w-full items-center gap-1 font-mono text-xs text-slate-700">
              <span className="break-all">{id}</span>
              <CopyButton value={id} label={id} />
            </li>
          ))}
        </ul>
      ) : null}
      {hasDetails ? (
        <details className="mt-1">
          <summary className="cursor-pointer rounded text-xs text-indigo-700 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600">
            Details
          </summary>
          <pre className="mt-1 max-h-96 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-50 p-2 font-mono text-xs text-slate-800 ring-1 ring-slate-200">
            {details}
          </pre>
        </details>
      ) : null}
    </li>
  );
}
