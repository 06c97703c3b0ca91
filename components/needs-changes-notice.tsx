import Link from "next/link";

import type { NeededChange } from "@/lib/domain/needs-changes";

/**
 * What a requester reads when the plan blocks: each finding in plain words with what to change, and the two
 * ways on (re-plan once the network is fixed, or edit and file again). Approvers do not see it in their queue.
 */
export function NeedsChangesNotice({ changes, refileHref }: { changes: NeededChange[]; refileHref: string | null }) {
  return (
    <section className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" data-testid="needs-changes" aria-labelledby="needs-changes-title">
      <h2 id="needs-changes-title" className="font-semibold">
        This request needs changes before anyone can approve it
      </h2>
      <p className="mt-1">It is not in the approval queue. Fix what is listed, then re-plan; or edit the request and file it again.</p>
      <ul className="mt-3 space-y-2">
        {changes.map((c) => (
          <li key={`${c.code}-${c.message}`} className="rounded-md bg-white/70 p-2 ring-1 ring-inset ring-amber-200">
            <p>{c.message}.</p>
            <p className="mt-1">
              <span className="font-medium">What to change:</span> {c.remedy}
            </p>
          </li>
        ))}
      </ul>
      {refileHref ? (
        <p className="mt-3">
          <Link href={refileHref} className="font-medium text-indigo-700 underline">
            Edit and re-file
          </Link>
        </p>
      ) : null}
    </section>
  );
}
