import {
  CreateNetworkInsightsPathCommand,
  DeleteNetworkInsightsAnalysisCommand,
  DeleteNetworkInsightsPathCommand,
  DescribeNetworkInsightsAnalysesCommand,
  StartNetworkInsightsAnalysisCommand,
  type EC2Client,
  type NetworkInsightsAnalysis,
} from "@aws-sdk/client-ec2";

import type { AnalysisPlan } from "@/lib/domain/path-analysis/analysis-eligibility";
import { overallOutcome, type AnalysedPort, type PathAnalysisResult } from "@/lib/domain/path-analysis/path-analysis-result";

import type { AwsAccess } from "../aws-access";
import { describeAwsError } from "../aws-errors";
import { portResultOf } from "./analysis-output";
import { brokerInterfaces, type BrokerInterface } from "./broker-interface";
import { deleteLeftoverInsights } from "./leftovers";
import { createSourceInterface, deleteInterface, deleteLeftoverInterfaces } from "./temporary-interface";

export type AnalysisWaits = { pollDelay: (waitedMs: number) => number; deadlineMs: number; sleep?: (ms: number) => Promise<void> };

type Run = {
  access: AwsAccess;
  plan: Extract<AnalysisPlan, { possible: true }>;
  cluster: { accountId: string; region: string; arn: string };
  ports: number[];
  requestTag: { Key: string; Value: string };
  waits: AnalysisWaits;
  log: (line: string) => void;
};

const arnOf = (accountId: string, region: string, id: string) => `arn:aws:ec2:${region}:${accountId}:network-interface/${id}`;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Proves the path with VPC Reachability Analyzer, port by port, from a temporary network interface in the
 * client's subnet (with the client's security groups) to one broker's network interface in each broker subnet
 * (each may have its own route table and network ACL), then deletes what it made: the analyses, the paths and
 * the interface. Another account's resources are named by ARN, as the API requires. AWS bills each analysis
 * (Amazon VPC pricing, "Reachability Analyzer"). The caller holds the request's lock, so no other run shares
 * its tagged leftovers.
 */
export async function runPathAnalysis(run: Run): Promise<PathAnalysisResult> {
  const { access, plan, cluster } = run;
  const caller = access.ec2(plan.caller.accountId, plan.caller.region);
  const clientEc2 = access.ec2(plan.client.accountId, plan.client.region);
  const brokers = onePerSubnet(await brokerInterfaces(access, cluster));
  const first = brokers[0];
  if (!first) throw new Error(`MSK lists no broker network interfaces for ${cluster.arn}`);
  await deleteLeftoverInsights(caller, run.requestTag, run.log);
  await deleteLeftoverInterfaces(clientEc2, run.requestTag);
  const source = await createSourceInterface(clientEc2, plan.client, run.requestTag);
  try {
    const sourceRef = plan.crossAccount ? arnOf(plan.client.accountId, plan.client.region, source.networkInterfaceId) : source.networkInterfaceId;
    // Every analysis settles (and cleans up) before the interface goes; one port's error does not lose the rest.
    const settled = await Promise.allSettled(brokers.flatMap((broker) => run.ports.map((port) => analysePort(run, caller, sourceRef, broker, port))));
    const ports = settled.map((s, i) => (s.status === "fulfilled" ? s.value : failedPort(brokers, run.ports, i, s.reason)));
    return {
      outcome: overallOutcome(ports),
      analysedAt: new Date().toISOString(),
      analysedFrom: plan.caller,
      source: { networkInterfaceId: source.networkInterfaceId, subnetId: source.subnetId, temporary: true },
      destination: { networkInterfaceId: first.networkInterfaceId, address: first.address, brokerId: first.brokerId },
      ports,
    };
  } finally {
    await deleteInterface(clientEc2, source.networkInterfaceId).catch((error: unknown) =>
      run.log(`could not delete the temporary interface ${source.networkInterfaceId}: ${describeAwsError(error).message}`),
    );
  }
}

function onePerSubnet(brokers: BrokerInterface[]): BrokerInterface[] {
  const seen = new Set<string>();
  return brokers.filter((b) => !seen.has(b.subnetId) && seen.add(b.subnetId));
}

function failedPort(brokers: BrokerInterface[], ports: number[], index: number, reason: unknown): AnalysedPort {
  const broker = brokers[Math.floor(index / ports.length)];
  return {
    port: ports[index % ports.length] ?? 0,
    broker: broker ? brokerRef(broker) : undefined,
    analysisId: null,
    found: null,
    statusMessage: describeAwsError(reason).message,
    forward: [],
    back: [],
    explanations: [],
  };
}

const brokerRef = (b: BrokerInterface) => ({ networkInterfaceId: b.networkInterfaceId, address: b.address, brokerId: b.brokerId, subnetId: b.subnetId });

async function analysePort(run: Run, ec2: EC2Client, source: string, broker: BrokerInterface, port: number): Promise<AnalysedPort> {
  const tags = [{ ResourceType: "network-insights-path" as const, Tags: [run.requestTag] }];
  const destination = broker.networkInterfaceId;
  const path = await ec2.send(new CreateNetworkInsightsPathCommand({ Source: source, Destination: destination, Protocol: "tcp", DestinationPort: port, TagSpecifications: tags }));
  const pathId = path.NetworkInsightsPath?.NetworkInsightsPathId;
  if (!pathId) throw new Error("CreateNetworkInsightsPath returned no path id");
  let analysisId: string | undefined;
  try {
    const started = await ec2.send(
      new StartNetworkInsightsAnalysisCommand({
        NetworkInsightsPathId: pathId,
        AdditionalAccounts: run.plan.additionalAccounts.length ? run.plan.additionalAccounts : undefined,
        TagSpecifications: [{ ResourceType: "network-insights-analysis", Tags: [run.requestTag] }],
      }),
    );
    analysisId = started.NetworkInsightsAnalysis?.NetworkInsightsAnalysisId;
    if (!analysisId) throw new Error("StartNetworkInsightsAnalysis returned no analysis id");
    return { ...portResultOf(port, await answerOf(run.waits, ec2, analysisId)), broker: brokerRef(broker) };
  } finally {
    // An analysis must go before its path (AnalysisExistsForNetworkInsightsPath otherwise).
    if (analysisId) await ec2.send(new DeleteNetworkInsightsAnalysisCommand({ NetworkInsightsAnalysisId: analysisId })).catch(logTo(run, analysisId));
    await ec2.send(new DeleteNetworkInsightsPathCommand({ NetworkInsightsPathId: pathId })).catch(logTo(run, pathId));
  }
}

const logTo = (run: Run, id: string) => (error: unknown) => run.log(`could not delete ${id}: ${describeAwsError(error).message}`);

async function answerOf(waits: AnalysisWaits, ec2: EC2Client, id: string): Promise<NetworkInsightsAnalysis> {
  const started = Date.now();
  const sleep = waits.sleep ?? defaultSleep;
  for (;;) {
    const out = await ec2.send(new DescribeNetworkInsightsAnalysesCommand({ NetworkInsightsAnalysisIds: [id] }));
    const analysis = out.NetworkInsightsAnalyses?.[0];
    if (analysis && analysis.Status !== "running") return analysis;
    const waited = Date.now() - started;
    if (waited > waits.deadlineMs) return { NetworkInsightsAnalysisId: id, Status: "failed", StatusMessage: `No answer after ${Math.round(waited / 1000)} s` };
    await sleep(waits.pollDelay(waited));
  }
}
