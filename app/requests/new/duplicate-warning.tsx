import Link from "next/link";

/**
 * Shown when a live request already connects this client to the cluster: links to it and asks whether to file
 * anyway. The server refuses the filing until the box is ticked, so the question cannot be skipped.
 */
export function DuplicateWarning({ messages, links }: { messages: string[]; links: string[] }) {
  const requests = links.map((entry) => {
    const [id = "", number = ""] = entry.split(" ");
    return { id, number };
  });
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" data-testid="duplicate-warning">
      <div id="fileAnyway-error" aria-live="polite">
        {messages.map((m) => (
          <p key={m}>{m}</p>
        ))}
      </div>
      {requests.length ? (
        <ul className="mt-2 flex flex-wrap gap-3">
          {requests.map((r) => (
            <li key={r.id}>
              <Link href={`/requests/${r.id}`} className="font-medium text-indigo-700 underline" target="_blank">
                Open request #{r.number}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <label className="mt-3 flex items-start gap-2">
        <input type="checkbox" name="fileAnyway" value="yes" className="mt-1" aria-describedby="fileAnyway-error" />
        <span>File anyway: I need another request for this client and cluster</span>
      </label>
    </div>
  );
}
