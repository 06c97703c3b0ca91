import type { AnalysisComponent, Explanation, NetworkInsightsAnalysis, PathComponent } from "@aws-sdk/client-ec2";

import type { PathExplanation, PathHop } from "@/lib/domain/path-analysis/path-analysis-result";

// The Explanation members that name a resource, in the order the portal lists them.
const NAMED: (keyof Explanation)[] = [
  "RouteTable",
  "SecurityGroups",
  "SecurityGroup",
  "Acl",
  "NetworkInterface",
  "Subnet",
  "VpcPeeringConnection",
  "TransitGateway",
  "TransitGatewayRouteTable",
  "TransitGatewayAttachment",
  "Destination",
  "Component",
  "Vpc",
];

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function componentsOf(value: unknown): AnalysisComponent[] {
  if (Array.isArray(value)) return value as AnalysisComponent[];
  return value && typeof value === "object" ? [value] : [];
}

export function explanationOf(e: Explanation): PathExplanation {
  const resources = NAMED.flatMap((member) =>
    componentsOf(e[member]).flatMap((c) => (c.Id ? [{ role: lowerFirst(member), id: c.Id }] : [])),
  );
  const rule = e.AclRule;
  const detail = rule
    ? `rule ${rule.RuleNumber ?? "?"} ${rule.RuleAction ?? ""} ${rule.Cidr ?? ""}${rule.PortRange ? ` ports ${rule.PortRange.From}-${rule.PortRange.To}` : ""}`.trim()
    : (e.State ?? e.TransitGatewayRouteTableRoute?.State);
  const direction = e.Direction === "egress" || e.Direction === "ingress" ? e.Direction : undefined;
  return { code: e.ExplanationCode ?? "UNKNOWN", direction, resources, detail };
}

/** A hop as the request page lists it: the resource and what let the packet through there. */
export function hopOf(c: PathComponent): PathHop {
  const route = c.RouteTableRoute;
  const tgwRoute = c.TransitGatewayRouteTableRoute;
  const sg = c.SecurityGroupRule;
  const acl = c.AclRule;
  const detail = route
    ? `route ${route.DestinationCidr ?? ""} → ${route.VpcPeeringConnectionId ?? route.TransitGatewayId ?? route.GatewayId ?? "?"}`
    : tgwRoute
      ? `${tgwRoute.RouteOrigin ?? "route"} ${tgwRoute.DestinationCidr ?? ""} → ${tgwRoute.AttachmentId ?? "?"}`
      : sg
        ? `${sg.Direction ?? ""} ${sg.Protocol ?? ""} ${sg.PortRange ? `${sg.PortRange.From}-${sg.PortRange.To}` : "all ports"} ${sg.Cidr ?? sg.SecurityGroupId ?? ""}`.trim()
        : acl
          ? `rule ${acl.RuleNumber ?? "?"} ${acl.RuleAction ?? ""} ${acl.Cidr ?? ""}`.trim()
          : c.Subnet?.Id
            ? `in ${c.Subnet.Id}`
            : undefined;
  return { id: c.Component?.Id ?? "?", detail };
}

export function portResultOf(port: number, a: NetworkInsightsAnalysis) {
  if (a.Status !== "succeeded") {
    return {
      port,
      analysisId: a.NetworkInsightsAnalysisId ?? null,
      found: null,
      statusMessage: a.StatusMessage ?? `The analysis ended ${a.Status ?? "without an answer"}`,
      forward: [],
      back: [],
      explanations: [],
    };
  }
  return {
    port,
    analysisId: a.NetworkInsightsAnalysisId ?? null,
    found: a.NetworkPathFound === true,
    forward: (a.ForwardPathComponents ?? []).map(hopOf),
    back: (a.ReturnPathComponents ?? []).map(hopOf),
    explanations: (a.Explanations ?? []).map(explanationOf),
  };
}
