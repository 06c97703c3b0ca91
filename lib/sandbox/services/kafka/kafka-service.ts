import { awsError } from "../../core/aws-error";
import { jsonError, jsonResponse } from "../../protocols/responses";
import type { IncomingCall, ResolvedCall, ServiceProtocol } from "../../server/service";
import type { RequestContext } from "../../state/world";
import { describeClusterV2, getBootstrapBrokers, listClustersV2, updateConnectivity } from "./kafka-clusters";
import { describeConfigurationRevision } from "./kafka-configurations";
import { listNodes } from "./kafka-nodes";
import { describeClusterOperationV2 } from "./kafka-operations";
import { deleteClusterPolicy, getClusterPolicy, putClusterPolicy } from "./kafka-policy";
import {
  createVpcConnection,
  deleteVpcConnection,
  describeVpcConnection,
  listClientVpcConnections,
  listVpcConnections,
  rejectClientVpcConnection,
} from "./kafka-vpc-connections";

type Handler = (ctx: RequestContext, arn: string, call: IncomingCall) => unknown;
type Route = { method: string; pattern: RegExp; operation: string; handler: Handler };

// ARNs arrive as one URL-encoded path segment (`%2F` for the slashes).
const ARN = "([^/]+)";
const routes: Route[] = [
  {
    method: "GET",
    pattern: /^\/api\/v2\/clusters$/,
    operation: "ListClustersV2",
    handler: (c, _a, call) => listClustersV2(c, call.query),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/api/v2/clusters/${ARN}$`),
    operation: "DescribeClusterV2",
    handler: (c, a) => describeClusterV2(c, a),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/clusters/${ARN}/bootstrap-brokers$`),
    operation: "GetBootstrapBrokers",
    handler: (c, a) => getBootstrapBrokers(c, a),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/clusters/${ARN}/nodes$`),
    operation: "ListNodes",
    handler: (c, a, call) => listNodes(c, a, call.query),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/api/v2/operations/${ARN}$`),
    operation: "DescribeClusterOperationV2",
    handler: (c, a) => describeClusterOperationV2(c, a),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/configurations/${ARN}/revisions/[^/]+$`),
    operation: "DescribeConfigurationRevision",
    handler: (c, a, call) => describeConfigurationRevision(c, a, decodeURIComponent(call.path.split("/").pop() ?? "")),
  },
  {
    method: "PUT",
    pattern: new RegExp(`^/v1/clusters/${ARN}/connectivity$`),
    operation: "UpdateConnectivity",
    handler: (c, a, call) => updateConnectivity(c, a, call.body),
  },
  {
    method: "PUT",
    pattern: new RegExp(`^/v1/clusters/${ARN}/policy$`),
    operation: "PutClusterPolicy",
    handler: (c, a, call) => putClusterPolicy(c, a, call.body),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/clusters/${ARN}/policy$`),
    operation: "GetClusterPolicy",
    handler: (c, a) => getClusterPolicy(c, a),
  },
  {
    method: "DELETE",
    pattern: new RegExp(`^/v1/clusters/${ARN}/policy$`),
    operation: "DeleteClusterPolicy",
    handler: (c, a) => deleteClusterPolicy(c, a),
  },
  {
    method: "POST",
    pattern: /^\/v1\/vpc-connection$/,
    operation: "CreateVpcConnection",
    handler: (c, _a, call) => createVpcConnection(c, call.body),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/vpc-connection/${ARN}$`),
    operation: "DescribeVpcConnection",
    handler: (c, a) => describeVpcConnection(c, a),
  },
  {
    method: "DELETE",
    pattern: new RegExp(`^/v1/vpc-connection/${ARN}$`),
    operation: "DeleteVpcConnection",
    handler: (c, a) => deleteVpcConnection(c, a),
  },
  {
    method: "GET",
    pattern: /^\/v1\/vpc-connections$/,
    operation: "ListVpcConnections",
    handler: (c, _a, call) => listVpcConnections(c, call.query),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/clusters/${ARN}/client-vpc-connections$`),
    operation: "ListClientVpcConnections",
    handler: (c, a, call) => listClientVpcConnections(c, a, call.query),
  },
  {
    method: "PUT",
    pattern: new RegExp(`^/v1/clusters/${ARN}/client-vpc-connection$`),
    operation: "RejectClientVpcConnection",
    handler: (c, a, call) => rejectClientVpcConnection(c, a, call.body),
  },
];

export const kafkaService: ServiceProtocol = {
  name: "kafka",
  resolve(call): ResolvedCall {
    for (const route of routes) {
      if (route.method !== call.method) continue;
      const m = route.pattern.exec(call.path);
      if (!m) continue;
      const arn = decodeURIComponent(m[1] ?? "");
      return {
        operation: route.operation,
        run: (ctx) => jsonResponse(ctx.requestId, route.handler(ctx, arn, call)),
      };
    }
    return {
      operation: "Unknown",
      run: () => {
        throw awsError("NotFoundException", `No Kafka operation for ${call.method} ${call.path}`, 404);
      },
    };
  },
  renderError: jsonError,
  // MSK's modeled throttling error is TooManyRequestsException (429), not ThrottlingException.
  throttle: { code: "TooManyRequestsException", status: 429 },
  internal: { code: "InternalServerErrorException", status: 500 },
};
