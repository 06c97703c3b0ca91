import { formatTime } from "@/components/ui/format-time";
import { explanationWords } from "@/lib/domain/path-analysis/explanation-words";
import type { AnalysedPort, PathAnalysisResult, PathHop } from "@/lib/domain/path-analysis/path-analysis-result";

const OUTCOME: Record<PathAnalysisResult["outcome"], { label: string; tone: string }> = {
  reachable: { label: "Path found", tone: "bg-emerald-50 text-emerald-800 ring-emerald-600/20" },
  unreachable: { label: "No path", tone: "bg-rose-50 text-rose-800 ring-rose-600/20" },
  failed: { label: "Analysis failed", tone: "bg-amber-50 text-amber-800 ring-amber-600/20" },
  "not-analysed": { label: "Not analysed", tone: "bg-slate-100 text-slate-700 ring-slate-500/20" },
};

// What each hop's id says it is, for people who do not read AWS id prefixes.
const KINDS: [string, string][] = [
  ["eni-", "network interface"],
  ["sg-", "security group"],
  ["acl-", "network ACL"],
  ["rtb-", "route table"],
  ["pcx-", "VPC peering"],
  ["tgw-attach-", "TGW attachment"],
  ["tgw-rtb-", "TGW route table"],
  ["tgw-", "transit gateway"],
];
const kindOf = (id: string) => KINDS.find(([prefix]) => id.startsWith(prefix))?.[1] ?? "resource";

function Hops({ hops, label, result, port }: { hops: PathHop[]; label: string; result: Extract<PathAnalysisResult, { source?: unknown }>; port?: AnalysedPort }) {
  if (hops.length === 0) return null;
  const name = (id: string) =>
    id === result.source?.networkInterfaceId ? "client (temporary interface)" : id === port?.broker?.networkInterfaceId ? `broker ${port.broker.brokerId ?? ""}`.trim() : kindOf(id);
  return (
    <div>
      <p className="text-xs font-medium text-slate-500">{label}</p>
      <ol className="mt-1 flex flex-wrap items-center gap-1 text-xs" data-testid="path-hops">
        {hops.map((hop, i) => (
          <li key={`${hop.id}-${i}`} className="flex items-center gap-1">
            {i > 0 ? <span aria-hidden="true" className="text-slate-400">→</span> : null}
            <span className="rounded bg-slate-50 px-1.5 py-0.5 ring-1 ring-slate-200" title={hop.detail}>
              <span className="text-slate-500">{name(hop.id)}</span> <code className="break-all">{hop.id}</code>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function PortResult({ port, result }: { port: AnalysedPort; result: Extract<PathAnalysisResult, { ports: unknown }> }) {
  return (
    <li className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="path-port">
      <p className="text-sm font-medium">
        Port {port.port}
        {port.broker ? ` to broker ${port.broker.brokerId ?? ""} (${port.broker.address}, ${port.broker.subnetId})` : ""}:{" "}
        {port.found === null ? (
          <span className="text-amber-800">the analysis failed — {port.statusMessage ?? "no answer"}</span>
        ) : port.found ? (
          <span className="text-emerald-800">AWS found the path</span>
        ) : (
          <span className="text-rose-800">AWS found no path</span>
        )}
      </p>
      {port.explanations.length ? (
        <ul className="space-y-2" data-testid="path-explanations">
          {port.explanations.map((e, i) => {
            const words = explanationWords(e);
            return (
              <li key={i} className="rounded bg-rose-50 p-2 text-sm text-rose-900">
                <p>{words.says}</p>
                <p className="mt-1 text-rose-800">
                  <span className="font-medium">To fix:</span> {words.fix}
                </p>
                <p className="mt-1 text-xs text-rose-700">
                  AWS&apos;s code <code>{e.code}</code>
                  {e.direction ? ` (${e.direction})` : ""}
                </p>
              </li>
            );
          })}
        </ul>
      ) : null}
      <Hops hops={port.forward} label="Client to broker" result={result} port={port} />
      <Hops hops={port.back} label="The reply" result={result} port={port} />
    </li>
  );
}

/** The latest Reachability Analyzer result of a request: path or not per port, the hops, AWS's explanations. */
export function PathAnalysisCard({ result }: { result: PathAnalysisResult }) {
  const outcome = OUTCOME[result.outcome];
  return (
    <div className="space-y-3" data-testid="path-analysis">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${outcome.tone}`}>{outcome.label}</span>
        <span className="text-slate-600">VPC Reachability Analyzer, {formatTime(new Date(result.analysedAt))}</span>
      </p>
      {result.outcome === "not-analysed" ? (
        <p className="text-sm text-slate-700">{result.reason}</p>
      ) : (
        <>
          <p className="text-xs text-slate-600">
            Analysed from account {result.analysedFrom.accountId} ({result.analysedFrom.region})
            {result.ports.some((p) => p.broker) ? ", to one broker in each broker subnet" : ""}
            {result.source ? `, from a temporary interface in ${result.source.subnetId} with the client's security groups (deleted afterwards)` : ""}.
          </p>
          {result.reason ? <p className="text-sm text-amber-800">{result.reason}</p> : null}
          <ul className="space-y-3">
            {result.ports.map((port) => (
              <PortResult key={`${port.port}-${port.broker?.networkInterfaceId ?? ""}`} port={port} result={result} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
