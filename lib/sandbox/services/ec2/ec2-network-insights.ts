import { awsError } from "../../core/aws-error";
import { AWS_DELAYS, dueAfter } from "../../core/clock";
import { newId } from "../../core/ids";
import { qInt, qRequired, qStr, qStrList, qStruct, qTagSpecifications, type QueryNode } from "../../protocols/query-input";
import type { XmlObject } from "../../protocols/xml";
import type { NetworkInsightsAnalysis, NetworkInsightsPath, NetworkInterface } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { describeItems } from "./ec2-describe";
import { allInterfaces } from "./ec2-network-interfaces";
import { tagSet } from "./ec2-tag-input";
import { findMine, isMine } from "./ec2-visibility";
import { accountOfArn, idOfArnOrId, numbered } from "./insights/analysis-components";
import { endpointOf, evaluatePath } from "./insights/evaluate-path";

const pathArn = (p: NetworkInsightsPath) => `arn:aws:ec2:${p.region}:${p.accountId}:network-insights-path/${p.id}`;
const analysisArn = (a: NetworkInsightsAnalysis) => `arn:aws:ec2:${a.region}:${a.accountId}:network-insights-analysis/${a.id}`;

function pathXml(p: NetworkInsightsPath): XmlObject {
  return {
    networkInsightsPathId: p.id,
    networkInsightsPathArn: pathArn(p),
    createdDate: new Date(p.createdAt),
    source: p.source,
    sourceArn: p.source.startsWith("arn:") ? p.source : undefined,
    destination: p.destination,
    destinationArn: p.destination?.startsWith("arn:") ? p.destination : undefined,
    destinationIp: p.destinationIp,
    protocol: p.protocol,
    destinationPort: p.destinationPort,
    tagSet: tagSet(p.tags),
  };
}

/**
 * CreateNetworkInsightsPath. A resource in another account must be given as its ARN (EC2 API reference);
 * without a Destination the address goes in FilterAtSource.DestinationAddress.
 */
export function createNetworkInsightsPath(ctx: RequestContext, q: QueryNode): XmlObject {
  const source = qRequired(q, "Source");
  const protocol = qRequired(q, "Protocol");
  if (protocol !== "tcp" && protocol !== "udp") throw awsError("InvalidParameterValue", `Value (${protocol}) for parameter protocol is invalid.`);
  const destination = qStr(q, "Destination");
  const filter = qStruct(q, "FilterAtSource");
  const filterPorts = filter && qStruct(filter, "DestinationPortRange");
  const filterDestination = filter && qStr(filter, "DestinationAddress");
  if (!destination && !filterDestination) {
    throw awsError(
      "MissingParameter",
      "The request must include either the Destination parameter or the FilterAtSource.DestinationAddress parameter. Add the required parameter and retry the request.",
    );
  }
  if (filter && (qStr(q, "SourceIp") || qStr(q, "DestinationPort"))) {
    throw awsError("InvalidParameterCombination", "FilterAtSource cannot be combined with SourceIp or DestinationPort.");
  }
  const port = qInt(q, "DestinationPort") ?? (filterPorts && qInt(filterPorts, "FromPort"));
  if (port !== undefined && (port < 0 || port > 65535)) throw awsError("InvalidParameterValue", `Value (${port}) for parameter destinationPort is invalid.`);
  const path: NetworkInsightsPath = {
    id: newId(ctx.world.state.counter, "nip"),
    accountId: ctx.accountId,
    region: ctx.region,
    source,
    destination,
    destinationIp: qStr(q, "DestinationIp") ?? filterDestination,
    protocol,
    destinationPort: port,
    createdAt: ctx.now,
    tags: qTagSpecifications(q, "network-insights-path"),
  };
  (ctx.world.state.insightsPaths ??= {})[path.id] = path;
  return { networkInsightsPath: pathXml(path) };
}

export function describeNetworkInsightsPaths(ctx: RequestContext, q: QueryNode): XmlObject {
  const visible = Object.values(ctx.world.state.insightsPaths ?? {}).filter((p) => isMine(ctx, p));
  const { page, nextToken } = describeItems(q, visible, (p) => p.id, qStrList(q, "NetworkInsightsPathId"), "InvalidNetworkInsightsPathId.NotFound", {
    source: (p) => [p.source],
    destination: (p) => [p.destination],
    protocol: (p) => [p.protocol],
  });
  return { networkInsightsPathSet: page.map(pathXml), nextToken };
}

export function deleteNetworkInsightsPath(ctx: RequestContext, q: QueryNode): XmlObject {
  const paths = (ctx.world.state.insightsPaths ??= {});
  const path = findMine(ctx, paths, qRequired(q, "NetworkInsightsPathId"), "InvalidNetworkInsightsPathId.NotFound", "networkInsightsPath");
  if (Object.values(ctx.world.state.insightsAnalyses ?? {}).some((a) => a.pathId === path.id)) {
    throw awsError("AnalysisExistsForNetworkInsightsPath", `Delete the analyses of ${path.id} before the path.`);
  }
  delete paths[path.id];
  return { networkInsightsPathId: path.id };
}

export function deleteNetworkInsightsAnalysis(ctx: RequestContext, q: QueryNode): XmlObject {
  const analyses = (ctx.world.state.insightsAnalyses ??= {});
  const id = qRequired(q, "NetworkInsightsAnalysisId");
  const analysis = findMine(ctx, analyses, id, "InvalidNetworkInsightsAnalysisId.NotFound", "networkInsightsAnalysis");
  delete analyses[analysis.id];
  return { networkInsightsAnalysisId: analysis.id };
}

/**
 * Whether the caller may analyse through another account's resources: both in one organization whose
 * management account turned on Reachability Analyzer's trusted access, and the caller its management account
 * or a delegated administrator, which may not reach into the management account (Reachability Analyzer guide,
 * "Cross-account analyses").
 */
function mayReach(ctx: RequestContext, accountId: string): boolean {
  if (accountId === ctx.accountId) return true;
  const { accounts, organizations } = ctx.world.topology;
  const orgOf = (id: string) => accounts.find((a) => a.id === id)?.organizationId;
  const org = organizations.find((o) => o.id === orgOf(ctx.accountId));
  if (!org || orgOf(accountId) !== org.id || !org.reachabilityAnalyzer.trustedAccess) return false;
  if (org.managementAccountId === ctx.accountId) return true;
  return org.reachabilityAnalyzer.delegatedAdministrators.includes(ctx.accountId) && org.managementAccountId !== accountId;
}

function resolveInterface(ctx: RequestContext, value: string | undefined, address?: string): NetworkInterface | undefined {
  const all = allInterfaces(ctx.world.state).filter((e) => e.region === ctx.region);
  if (!value) return address ? all.find((e) => e.privateIpAddress === address) : undefined;
  const accountId = accountOfArn(value) ?? ctx.accountId;
  const id = idOfArnOrId(value);
  return all.find((e) => e.id === id && e.accountId === accountId);
}

function analyse(ctx: RequestContext, path: NetworkInsightsPath): NetworkInsightsAnalysis["result"] {
  const state = ctx.world.state;
  const source = resolveInterface(ctx, path.source);
  const destination = resolveInterface(ctx, path.destination, path.destinationIp);
  const missing = !source ? path.source : !destination ? (path.destination ?? path.destinationIp ?? "") : undefined;
  const sourceEnd = source && endpointOf(state, source);
  const destinationEnd = destination && endpointOf(state, destination);
  if (missing !== undefined || !sourceEnd || !destinationEnd) {
    const id = idOfArnOrId(missing ?? path.source);
    return { status: "succeeded", networkPathFound: false, forward: [], return: [], explanations: [{ explanationCode: "NO_SOURCE_OR_DESTINATION", component: { id } }] };
  }
  const outcome = evaluatePath(ctx, sourceEnd, destinationEnd, { protocol: path.protocol === "tcp" ? "6" : "17", port: path.destinationPort ?? 0 });
  // The analyzer reads each resource on the path in its owner's account, which needs trusted access.
  const touched = [...outcome.forward, ...outcome.back].map((hop) => hop.component.arn);
  const inaccessible = touched.find((arn) => !mayReach(ctx, accountOfArn(arn) ?? ctx.accountId));
  if (inaccessible) return { status: "failed", statusMessage: `The request failed due to inaccessible resource ${inaccessible}` };
  return {
    status: "succeeded",
    networkPathFound: outcome.found,
    forward: numbered(outcome.forward),
    return: numbered(outcome.back),
    explanations: outcome.explanations,
  };
}

/** StartNetworkInsightsAnalysis: the answer is worked out now, from the network as it is, and given once due. */
export function startNetworkInsightsAnalysis(ctx: RequestContext, q: QueryNode): XmlObject {
  const path = findMine(
    ctx,
    (ctx.world.state.insightsPaths ??= {}),
    qRequired(q, "NetworkInsightsPathId"),
    "InvalidNetworkInsightsPathId.NotFound",
    "networkInsightsPath",
  );
  const analysis: NetworkInsightsAnalysis = {
    id: newId(ctx.world.state.counter, "nia"),
    accountId: ctx.accountId,
    region: ctx.region,
    pathId: path.id,
    startedAt: ctx.now,
    dueAt: dueAfter(ctx.world.clock, AWS_DELAYS.pathAnalysis),
    result: analyse(ctx, path),
    tags: qTagSpecifications(q, "network-insights-analysis"),
  };
  (ctx.world.state.insightsAnalyses ??= {})[analysis.id] = analysis;
  return { networkInsightsAnalysis: analysisXml(ctx, analysis, qStrList(q, "AdditionalAccount")) };
}

function analysisXml(ctx: RequestContext, a: NetworkInsightsAnalysis, additionalAccounts: string[] = []): XmlObject {
  const base: XmlObject = {
    networkInsightsAnalysisId: a.id,
    networkInsightsAnalysisArn: analysisArn(a),
    networkInsightsPathId: a.pathId,
    additionalAccountSet: additionalAccounts.length ? additionalAccounts : undefined,
    startDate: new Date(a.startedAt),
    tagSet: tagSet(a.tags),
  };
  if (ctx.now < a.dueAt) return { ...base, status: "running" };
  if (a.result.status === "failed") return { ...base, status: "failed", statusMessage: a.result.statusMessage };
  return {
    ...base,
    status: "succeeded",
    networkPathFound: a.result.networkPathFound,
    forwardPathComponentSet: a.result.forward as XmlObject[],
    returnPathComponentSet: a.result.return as XmlObject[],
    explanationSet: a.result.explanations as XmlObject[],
  };
}

export function describeNetworkInsightsAnalyses(ctx: RequestContext, q: QueryNode): XmlObject {
  const pathId = qStr(q, "NetworkInsightsPathId");
  const visible = Object.values(ctx.world.state.insightsAnalyses ?? {})
    .filter((a) => isMine(ctx, a))
    .filter((a) => !pathId || a.pathId === pathId)
    .map((a) => ({ analysis: a, xml: analysisXml(ctx, a), tags: a.tags }))
    .map((v) => ({ ...v, status: v.xml.status as string, found: v.xml.networkPathFound as boolean | undefined }));
  const { page, nextToken } = describeItems(
    q,
    visible,
    (v) => v.analysis.id,
    qStrList(q, "NetworkInsightsAnalysisId"),
    "InvalidNetworkInsightsAnalysisId.NotFound",
    {
      status: (v) => [v.status],
      "path-found": (v) => [v.found === undefined ? undefined : String(v.found)],
    },
  );
  return { networkInsightsAnalysisSet: page.map((v) => v.xml), nextToken };
}
