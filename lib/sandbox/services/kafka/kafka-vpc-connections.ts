import { z } from "zod";
import { awsError } from "../../core/aws-error";
import { AWS_DELAYS, dueAfter } from "../../core/clock";
import { newUuid } from "../../core/ids";
import { paginate } from "../../core/pagination";
import { parseJsonBody } from "../../protocols/json-input";
import type { AuthScheme, MskVpcConnection } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { authorizeCluster, findCluster, requireOwner } from "./kafka-access";
import { checkClientSubnets } from "./kafka-client-subnets";

const SCHEME: Record<MskVpcConnection["authentication"], AuthScheme> = {
  SASL_IAM: "iam",
  SASL_SCRAM: "scram",
  TLS: "tls",
};

const createInput = z.object({
  targetClusterArn: z.string().min(1),
  authentication: z.enum(["SASL_IAM", "SASL_SCRAM", "TLS"]),
  vpcId: z.string().min(1),
  clientSubnets: z.array(z.string()).min(1),
  securityGroups: z.array(z.string()).min(1),
  tags: z.record(z.string(), z.string()).optional(),
});

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Called by the client (e.g. a SaaS provider) in its own account. Needs the cluster policy to
 * grant kafka:CreateVpcConnection, multi-VPC on for the scheme, same region, and client subnets
 * in the cluster's zone ids (MSK developer guide, "mvpc-cross-account-create-connection").
 */
export function createVpcConnection(ctx: RequestContext, body: string) {
  const input = parseJsonBody(createInput, body, "BadRequestException");
  const state = ctx.world.state;
  const cluster = state.clusters[input.targetClusterArn];
  // The API model declares no NotFoundException or ConflictException for CreateVpcConnection: MSK's answer to
  // an unknown cluster or a second connection is a BadRequestException.
  if (!cluster) throw awsError("BadRequestException", `The cluster ${input.targetClusterArn} does not exist.`);
  if (cluster.region !== ctx.region) {
    throw awsError("BadRequestException", "Multi-VPC connectivity works only within the cluster's region.");
  }
  authorizeCluster(ctx, cluster, "kafka:CreateVpcConnection");
  const scheme = SCHEME[input.authentication];
  if (!cluster.vpcConnectivity[scheme]) {
    throw awsError(
      "BadRequestException",
      `Multi-VPC connectivity is not turned on for ${input.authentication} on the target cluster.`,
    );
  }
  const vpc = state.vpcs[input.vpcId];
  if (!vpc || vpc.accountId !== ctx.accountId || vpc.region !== ctx.region) {
    throw awsError("BadRequestException", `The VPC ${input.vpcId} does not exist in your account.`);
  }
  checkClientSubnets(ctx, cluster, vpc.id, input.clientSubnets);
  for (const id of input.securityGroups) {
    const sg = state.securityGroups[id];
    if (!sg || sg.vpcId !== vpc.id) {
      throw awsError("BadRequestException", `The security group ${id} does not belong to ${vpc.id}.`);
    }
  }
  const duplicate = Object.values(state.vpcConnections).find(
    (v) =>
      v.clusterArn === cluster.arn &&
      v.vpcId === vpc.id &&
      v.authentication === input.authentication &&
      !["REJECTED", "FAILED"].includes(v.state),
  );
  if (duplicate) {
    throw awsError("BadRequestException", `A VPC connection from ${vpc.id} to this cluster with ${input.authentication} already exists.`);
  }
  const arn = `arn:aws:kafka:${ctx.region}:${ctx.accountId}:vpc-connection/${cluster.accountId}/${cluster.name}/${newUuid(
    state.counter,
  )}`;
  const conn: MskVpcConnection = {
    arn,
    clusterArn: cluster.arn,
    accountId: ctx.accountId,
    region: ctx.region,
    vpcId: vpc.id,
    subnets: input.clientSubnets,
    securityGroups: input.securityGroups,
    authentication: input.authentication,
    state: "CREATING",
    dueAt: dueAfter(ctx.world.clock, AWS_DELAYS.mskVpcConnection),
    createdAt: ctx.now,
    tags: input.tags ?? {},
  };
  state.vpcConnections[arn] = conn;
  return {
    vpcConnectionArn: arn,
    state: conn.state,
    authentication: conn.authentication,
    vpcId: conn.vpcId,
    clientSubnets: conn.subnets,
    securityGroups: conn.securityGroups,
    creationTime: iso(conn.createdAt),
    tags: conn.tags,
  };
}

function ownConnection(ctx: RequestContext, arn: string): MskVpcConnection {
  const conn = ctx.world.state.vpcConnections[arn];
  if (!conn || conn.accountId !== ctx.accountId || conn.region !== ctx.region) {
    throw awsError("NotFoundException", `The VPC connection ${arn} does not exist.`, 404);
  }
  return conn;
}

export function describeVpcConnection(ctx: RequestContext, arn: string) {
  const conn = ownConnection(ctx, arn);
  return {
    vpcConnectionArn: conn.arn,
    targetClusterArn: conn.clusterArn,
    state: conn.state,
    authentication: conn.authentication,
    vpcId: conn.vpcId,
    subnets: conn.subnets,
    securityGroups: conn.securityGroups,
    creationTime: iso(conn.createdAt),
    tags: conn.tags,
  };
}

export function deleteVpcConnection(ctx: RequestContext, arn: string) {
  const conn = ownConnection(ctx, arn);
  if (conn.state === "DELETING") {
    throw awsError("BadRequestException", `The VPC connection is already ${conn.state}.`);
  }
  conn.state = "DELETING";
  conn.dueAt = dueAfter(ctx.world.clock, AWS_DELAYS.mskVpcConnectionDelete);
  return { vpcConnectionArn: conn.arn, state: conn.state };
}

/** The caller's own connections in this region, to any cluster (ListVpcConnections). */
export function listVpcConnections(ctx: RequestContext, query: URLSearchParams) {
  const conns = Object.values(ctx.world.state.vpcConnections)
    .filter((v) => v.accountId === ctx.accountId && v.region === ctx.region)
    .sort((a, b) => a.createdAt - b.createdAt || a.arn.localeCompare(b.arn));
  const max = query.get("maxResults");
  const { page, nextToken } = paginate(
    conns,
    max ? Number(max) : undefined,
    query.get("nextToken") ?? undefined,
    "BadRequestException",
  );
  return {
    vpcConnections: page.map((v) => ({
      vpcConnectionArn: v.arn,
      targetClusterArn: v.clusterArn,
      creationTime: iso(v.createdAt),
      authentication: v.authentication,
      vpcId: v.vpcId,
      state: v.state,
    })),
    nextToken,
  };
}

export function listClientVpcConnections(ctx: RequestContext, clusterArn: string, query: URLSearchParams) {
  const cluster = findCluster(ctx, clusterArn);
  requireOwner(ctx, cluster, "kafka:ListClientVpcConnections");
  const conns = Object.values(ctx.world.state.vpcConnections)
    .filter((v) => v.clusterArn === cluster.arn)
    .sort((a, b) => a.createdAt - b.createdAt || a.arn.localeCompare(b.arn));
  const max = query.get("maxResults");
  const { page, nextToken } = paginate(
    conns,
    max ? Number(max) : undefined,
    query.get("nextToken") ?? undefined,
    "BadRequestException",
  );
  return {
    clientVpcConnections: page.map((v) => ({
      vpcConnectionArn: v.arn,
      authentication: v.authentication,
      creationTime: iso(v.createdAt),
      state: v.state,
      owner: v.accountId,
    })),
    nextToken,
  };
}

const rejectInput = z.object({ vpcConnectionArn: z.string().min(1) });

export function rejectClientVpcConnection(ctx: RequestContext, clusterArn: string, body: string) {
  const input = parseJsonBody(rejectInput, body, "BadRequestException");
  // RejectClientVpcConnection declares no NotFoundException either: unknown names are a BadRequestException.
  const cluster = ctx.world.state.clusters[clusterArn];
  if (!cluster || cluster.region !== ctx.region) throw awsError("BadRequestException", `The cluster ${clusterArn} does not exist.`);
  requireOwner(ctx, cluster, "kafka:RejectClientVpcConnection");
  const conn = ctx.world.state.vpcConnections[input.vpcConnectionArn];
  if (!conn || conn.clusterArn !== cluster.arn) {
    throw awsError("BadRequestException", `The VPC connection ${input.vpcConnectionArn} does not exist for this cluster.`);
  }
  // "The client VPC connection must be in the AVAILABLE state to be rejected" (MSK developer guide,
  // "mvpc-cross-account-reject-connection"). It stays, REJECTED, until its owner deletes it.
  if (conn.state !== "AVAILABLE") {
    throw awsError("BadRequestException", `A VPC connection in state ${conn.state} cannot be rejected; only an AVAILABLE one can.`);
  }
  conn.state = "REJECTING";
  conn.dueAt = dueAfter(ctx.world.clock, AWS_DELAYS.mskVpcConnectionDelete);
  return {};
}
