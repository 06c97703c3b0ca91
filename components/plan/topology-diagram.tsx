import type { Topology, TopologyEnd } from "@/lib/domain/plan/plan-types";
import { formatPorts } from "@/lib/domain/ports";

// Palette classes, not fixed colours, so the drawing follows the dark theme with the rest of the page; the
// link is drawn in currentColor.
const LINK_COLOURS: Record<Topology["link"]["kind"], string> = {
  "security-group-only": "text-slate-500",
  "vpc-peering": "text-indigo-600",
  "transit-gateway": "text-sky-600",
  "multi-vpc-private-connectivity": "text-rose-600",
};

function EndBox({ end, x, title }: { end: TopologyEnd; x: number; title: string }) {
  const lines = [end.label, end.account ? `account ${end.account}` : null, end.region, end.vpcId, ...end.cidrs.slice(0, 3)].filter(
    (l): l is string => Boolean(l),
  );
  return (
    <g>
      <rect x={x} y={20} width={230} height={150} rx={10} className="fill-slate-50 stroke-slate-400" />
      <text x={x + 12} y={42} fontSize={11} className="fill-slate-500" fontWeight={600}>
        {title.toUpperCase()}
      </text>
      {lines.map((line, i) => (
        <text key={line} x={x + 12} y={64 + i * 18} fontSize={i === 0 ? 14 : 12} fontWeight={i === 0 ? 600 : 400} className="fill-slate-900" fontFamily={i === 0 ? undefined : "monospace"}>
          {line}
        </text>
      ))}
    </g>
  );
}

// A picture of the path the plan builds: the client's network, the link, the cluster's VPC and the rule
// that lets the client in. Drawn as SVG so it needs no client-side code.
export function TopologyDiagram({ topology }: { topology: Topology }) {
  const colour = LINK_COLOURS[topology.link.kind];
  const rule = topology.securityGroupRule;
  return (
    <figure>
      <svg viewBox="0 0 700 190" className="w-full" role="img" aria-label={`${topology.client.label} to ${topology.cluster.label} through ${topology.link.label}`}>
        <EndBox end={topology.client} x={10} title="client" />
        <EndBox end={topology.cluster} x={460} title="MSK cluster" />
        <g className={colour}>
          <line x1={240} y1={95} x2={460} y2={95} stroke="currentColor" strokeWidth={4} strokeDasharray={topology.link.kind === "multi-vpc-private-connectivity" ? "8 6" : undefined} />
          <polygon points="460,95 448,88 448,102" fill="currentColor" />
          <text x={350} y={82} textAnchor="middle" fontSize={13} fontWeight={600} fill="currentColor">
            {topology.link.label}
          </text>
        </g>
        {topology.link.id ? (
          <text x={350} y={116} textAnchor="middle" fontSize={11} className="fill-slate-700" fontFamily="monospace">
            {topology.link.id}
          </text>
        ) : null}
      </svg>
      {rule ? (
        <figcaption className="mt-2 text-sm text-slate-700">
          Security group <span className="font-mono text-xs">{rule.groupId}</span> allows TCP{" "}
          <span className="font-mono text-xs">{formatPorts(rule.ports)}</span> from{" "}
          <span className="font-mono text-xs break-all">{rule.sources.join(", ")}</span>
        </figcaption>
      ) : null}
    </figure>
  );
}
