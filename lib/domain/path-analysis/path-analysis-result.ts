import { z } from "zod";

/**
 * What the portal keeps of a Reachability Analyzer run on a request (AccessRequest.pathAnalysis): per port,
 * whether AWS found a path, the hops it reported and its explanation codes, with the resources they name.
 * Plain words are added when shown (explanation-words.ts), so a better wording reaches old results too.
 */
export const analysedResourceSchema = z.object({ id: z.string(), arn: z.string().optional() });

export const pathHopSchema = z.object({
  id: z.string(),
  /** What the hop did, as AWS reported it: the route, rule or ACL entry that let the packet through. */
  detail: z.string().optional(),
});

export const pathExplanationSchema = z.object({
  code: z.string(),
  direction: z.enum(["egress", "ingress"]).optional(),
  /** Named resources, by the Explanation member AWS put them in (routeTable, securityGroups, acl, …). */
  resources: z.array(z.object({ role: z.string(), id: z.string() })),
  detail: z.string().optional(),
});

export const portAnalysisSchema = z.object({
  port: z.number().int(),
  /** The broker analysed to: one per broker subnet, as each may have its own route table and ACL. */
  broker: z.object({ networkInterfaceId: z.string(), address: z.string(), brokerId: z.number().nullable(), subnetId: z.string() }).optional(),
  analysisId: z.string().nullable(),
  /** null when the analysis itself failed (statusMessage says why). */
  found: z.boolean().nullable(),
  statusMessage: z.string().optional(),
  forward: z.array(pathHopSchema),
  back: z.array(pathHopSchema),
  explanations: z.array(pathExplanationSchema),
});

export const pathAnalysisResultSchema = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("not-analysed"), reason: z.string(), analysedAt: z.string() }),
  z.object({
    outcome: z.enum(["reachable", "unreachable", "failed"]),
    analysedAt: z.string(),
    /** The account and Region the analyses ran in. */
    analysedFrom: z.object({ accountId: z.string(), region: z.string() }),
    /** Absent when the run stopped at an AWS error before it had them (reason says which). */
    source: z.object({ networkInterfaceId: z.string(), subnetId: z.string(), temporary: z.boolean() }).optional(),
    destination: z.object({ networkInterfaceId: z.string(), address: z.string(), brokerId: z.number().nullable() }).optional(),
    ports: z.array(portAnalysisSchema),
    /** Why the run could not finish (an AWS error before any answer); the ports say the rest. */
    reason: z.string().optional(),
  }),
]);

export type AnalysedPort = z.infer<typeof portAnalysisSchema>;
export type PathHop = z.infer<typeof pathHopSchema>;
export type PathExplanation = z.infer<typeof pathExplanationSchema>;
export type PathAnalysisResult = z.infer<typeof pathAnalysisResultSchema>;

/** For display: the stored result, or null when there is none or it does not read. */
export function readPathAnalysis(value: unknown): PathAnalysisResult | null {
  const parsed = pathAnalysisResultSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The outcome over all ports: reachable only when every port's path was found. */
export function overallOutcome(ports: readonly AnalysedPort[]): "reachable" | "unreachable" | "failed" {
  if (ports.length === 0 || ports.some((p) => p.found === null)) return "failed";
  return ports.every((p) => p.found) ? "reachable" : "unreachable";
}

const where = (p: AnalysedPort) => `port ${p.port}${p.broker?.brokerId ? ` to broker ${p.broker.brokerId}` : ""}`;

/** One line for a timeline, a failure reason or a drift problem: what the analysis found, the failures named. */
export function analysisSummary(result: PathAnalysisResult): string {
  if (result.outcome === "not-analysed") return `Not analysed: ${result.reason}`;
  if (result.reason && result.ports.length === 0) return `The path analysis could not run: ${result.reason}`;
  const reason = result.reason ? `. ${result.reason}` : "";
  const failing = result.ports.filter((p) => p.found !== true);
  if (failing.length === 0) {
    const ports = [...new Set(result.ports.map((p) => p.port))].join(", ");
    const brokers = [...new Set(result.ports.flatMap((p) => (p.broker?.brokerId ? [p.broker.brokerId] : [])))];
    return `Reachability Analyzer: path found on port ${ports}${brokers.length ? ` to broker${brokers.length > 1 ? "s" : ""} ${brokers.join(", ")}` : ""}${reason}`;
  }
  const parts = failing.map((p) =>
    p.found === null
      ? `${where(p)}: the analysis failed (${p.statusMessage ?? "no answer"})`
      : `${where(p)}: no path (${p.explanations.map((e) => e.code).join(", ") || "no explanation"})`,
  );
  return `Reachability Analyzer: ${parts.join("; ")}${reason}`;
}
