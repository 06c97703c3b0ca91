import { reportSummary, resultPassed, type CheckReport, type CheckResult } from "@/lib/domain/client-check/check-report";

import { formatTime } from "../ui/format-time";

const TLS_WORDS: Record<CheckResult["tls"], string> = {
  ok: "completed",
  failed: "failed",
  skipped: "plaintext port",
  "not-tried": "not tried",
  "not-checked": "not checked (no openssl)",
};

function Verdict({ passed }: { passed: boolean }) {
  return <span className={passed ? "font-medium text-emerald-700" : "font-medium text-red-700"}>{passed ? "reached" : "not reached"}</span>;
}

/** A check as its route loaded it. */
export type ReportedCheckView = { reportedAt: Date; reportedFrom: string | null; createdBy: string; report: CheckReport };

/** The newest report from the client's host: one row per broker and port. */
export function ClientCheckResults({ latest }: { latest: ReportedCheckView }) {
  const { results, hostname } = latest.report;
  return (
    <div className="space-y-2" data-testid="client-check-results">
      <p className="text-sm">
        <span className="font-medium">{reportSummary(results)}</span>, from {hostname || "a host"} at {latest.reportedFrom ?? "an unknown address"} on{" "}
        {formatTime(latest.reportedAt)} (command made by {latest.createdBy}).
      </p>
      {/* Narrow screens: one block per broker, its long name on a line of its own. */}
      <ul className="space-y-2 text-sm sm:hidden">
        {results.map((r) => (
          <li key={`${r.host}:${r.port}`} className="rounded-md bg-slate-50 p-2">
            <p className="break-all font-mono text-xs">
              {r.host}:{r.port}
            </p>
            <p className="text-slate-700">
              {r.resolved.length ? `resolved to ${r.resolved.join(", ")}` : "did not resolve"} · {r.tcp === "ok" ? "connected" : "no connection"} · TLS{" "}
              {TLS_WORDS[r.tls]} · <Verdict passed={resultPassed(r)} />
            </p>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto sm:block">
        <table className="min-w-full text-sm">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-4">Broker</th>
              <th scope="col" className="py-2 pr-4">Resolved to</th>
              <th scope="col" className="py-2 pr-4">TCP</th>
              <th scope="col" className="py-2 pr-4">TLS</th>
              <th scope="col" className="py-2">Result</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {results.map((r) => (
              <tr key={`${r.host}:${r.port}`} data-testid="client-check-row">
                <td className="break-all py-2 pr-4 font-mono text-xs">
                  {r.host}:{r.port}
                </td>
                <td className="py-2 pr-4 font-mono text-xs">{r.resolved.length ? r.resolved.join(", ") : "did not resolve"}</td>
                <td className="py-2 pr-4">{r.tcp === "ok" ? "connected" : "no connection"}</td>
                <td className="py-2 pr-4">{TLS_WORDS[r.tls]}</td>
                <td className="py-2">
                  <Verdict passed={resultPassed(r)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
