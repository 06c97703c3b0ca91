import Link from "next/link";

import type { ActionState } from "@/lib/auth/action-state";
import type { ConnectionWatch, WatchedConnection } from "@/lib/domain/client-vpc-connections";

import { RejectConnectionForm } from "./reject-connection-form";
import { EmptyState } from "./ui/empty-state";
import { formatTime } from "./ui/format-time";

type Props = {
  watch: ConnectionWatch;
  clusterId: string;
  /** Set on a request's page: that request's connections are told apart from the others. */
  requestId?: string;
  reject: ((prev: ActionState, form: FormData) => Promise<ActionState>) | null;
};

export function ClientVpcConnections({ watch, clusterId, requestId, reject }: Props) {
  if (!watch.ok) {
    return (
      <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" role="alert">
        MSK&apos;s list of client VPC connections could not be read: {watch.error}
      </p>
    );
  }
  if (watch.connections.length === 0) {
    return (
      <EmptyState title="No client VPC connections">
        A client appears here once it calls CreateVpcConnection from its own account.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-4">
                Account
              </th>
              <th scope="col" className="py-2 pr-4">
                VPC
              </th>
              <th scope="col" className="py-2 pr-4">
                Auth
              </th>
              <th scope="col" className="py-2 pr-4">
                State
              </th>
              <th scope="col" className="py-2 pr-4">
                Created
              </th>
              <th scope="col" className="py-2 pr-4">
                Expected
              </th>
              {reject ? (
                <th scope="col" className="py-2">
                  <span className="sr-only">Reject</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {watch.connections.map((c) => (
              <tr
                key={c.arn}
                data-testid="client-vpc-connection"
                data-expected={c.expectedBy ? "yes" : "no"}
                className={c.expectedBy ? "" : "bg-rose-50/60"}
              >
                <td className="py-2 pr-4 font-mono text-xs">
                  {c.ownerAccount}
                  <div className="max-w-xs truncate text-slate-500" title={c.arn}>
                    {c.arn}
                  </div>
                </td>
                <td className="py-2 pr-4 font-mono text-xs">
                  {c.vpcId ?? <span className="font-sans text-slate-500">not told by MSK</span>}
                </td>
                <td className="py-2 pr-4">{c.authentication}</td>
                <td className="py-2 pr-4">{c.state}</td>
                <td className="py-2 pr-4 text-slate-600">{c.createdAt ? formatTime(new Date(c.createdAt)) : "—"}</td>
                <td className="py-2 pr-4">
                  <Expected connection={c} requestId={requestId} />
                </td>
                {reject ? (
                  <td className="py-2">
                    {c.rejectable ? (
                      <RejectConnectionForm
                        clusterId={clusterId}
                        connectionArn={c.arn}
                        ownerAccount={c.ownerAccount}
                        requestId={requestId}
                        action={reject}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500">
        Read from MSK {formatTime(new Date(watch.readAt))}. Expected: made by, or from an account granted by, a live portal
        request.
      </p>
    </div>
  );
}

function Expected({ connection, requestId }: { connection: WatchedConnection; requestId?: string }) {
  const by = connection.expectedBy;
  if (!by) {
    return (
      <span className="inline-flex rounded-full bg-rose-100 px-2 py-0.5 text-xs font-semibold text-rose-800 ring-1 ring-inset ring-rose-300">
        Not expected
      </span>
    );
  }
  if (by.requestId === requestId) return <span className="text-emerald-800">This request</span>;
  return (
    <Link href={`/requests/${by.requestId}`} className="text-indigo-700 underline">
      Request #{by.requestNumber}
    </Link>
  );
}
