import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { AwsError } from "../core/aws-error";
import { CallLog } from "../control/call-log";
import { handleControl, type ControlTarget } from "../control/control-api";
import { controlRequestRefusal } from "../control/control-request-check";
import { pickFault, type FaultConfig } from "../control/faults";
import { parseCredentialScope } from "../protocols/sigv4-scope";
import type { WireResponse } from "../protocols/responses";
import { advanceTime } from "../state/advance-time";
import type { World } from "../state/world";
import { authorizeCall, recordServiceLinkedRole } from "../iam/authorize-call";
import { resolveAccount } from "./resolve-account";
import { isReadOnly, type ServiceProtocol } from "./service";

export type ServerOptions = {
  world: World;
  services: Record<string, ServiceProtocol>;
  reset(): void;
  persist(): void;
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, r: WireResponse): void {
  res.writeHead(r.status, { ...r.headers, "content-length": Buffer.byteLength(r.body) });
  res.end(r.body);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createSandboxServer(options: ServerOptions): { server: Server; control: ControlTarget } {
  const calls = new CallLog();
  let faults: FaultConfig | undefined;
  const control: ControlTarget = {
    get world() {
      return options.world;
    },
    calls,
    getFaults: () => faults,
    setFaults: (f) => {
      faults = f;
    },
    reset: () => options.reset(),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const body = await readBody(req);
    const method = req.method ?? "GET";
    const world = options.world;
    if (url.pathname.startsWith("/_sandbox")) {
      const refusal = controlRequestRefusal(req.headers, req.socket.localAddress?.replace(/^::ffff:/, ""));
      if (refusal) {
        send(res, { status: 403, headers: { "content-type": "application/json" }, body: JSON.stringify({ error: refusal }) });
        return;
      }
      advanceTime(world, world.clock.now());
      send(res, handleControl(control, method, url.pathname, body));
      return;
    }

    const requestId = randomUUID();
    const scope = parseCredentialScope(req.headers.authorization);
    const service = scope ? options.services[scope.service] : undefined;
    if (!scope || !service) {
      send(res, {
        status: 403,
        headers: {
          "content-type": "application/json",
          "x-amzn-requestid": requestId,
          "x-amzn-errortype": "MissingAuthenticationTokenException",
        },
        body: JSON.stringify({ message: "Missing or unsupported SigV4 Authorization header" }),
      });
      return;
    }

    const now = world.clock.now();
    advanceTime(world, now);
    const { accountId } = resolveAccount(world, scope.accessKeyId, now);
    let operation = "Unknown";
    let response: WireResponse;
    let errorCode: string | undefined;
    let fault: string | undefined;
    let actions: string[] = [];
    try {
      const target = req.headers["x-amz-target"];
      const call = service.resolve({
        method,
        path: url.pathname,
        query: url.searchParams,
        body,
        ...(typeof target === "string" ? { target } : {}),
      });
      operation = call.operation;
      const picked = pickFault(faults, operation);
      fault = picked;
      if (picked === "latency") await sleep(faults?.latencyMs ?? 1_000);
      if (picked === "throttle") throw new AwsError(service.throttle.code, "Rate exceeded", service.throttle.status);
      if (picked === "5xx") {
        throw new AwsError(service.internal.code, "An internal error has occurred", service.internal.status);
      }
      // Time may have passed while a latency fault waited.
      const runAt = world.clock.now();
      advanceTime(world, runAt);
      if (operation !== "Unknown") {
        actions = authorizeCall(world, {
          service: service.name,
          operation,
          accessKeyId: scope.accessKeyId,
          body: call.authorizationBody ?? body,
        });
      }
      response = call.run({ world, accessKeyId: scope.accessKeyId, accountId, region: scope.region, requestId, now: runAt });
      recordServiceLinkedRole(world, accountId, actions);
      if (!isReadOnly(operation)) options.persist();
    } catch (e) {
      const err =
        e instanceof AwsError
          ? e
          : new AwsError(service.internal.code, e instanceof Error ? e.message : "internal error", service.internal.status);
      if (!(e instanceof AwsError)) console.error("sandbox: unexpected error in", operation, e);
      errorCode = err.code;
      response = service.renderError(requestId, err.code, err.message, err.status);
    }
    calls.add({
      time: new Date().toISOString(),
      service: service.name,
      operation,
      account: accountId,
      region: scope.region,
      status: response.status,
      errorCode,
      requestId,
      fault,
      actions,
    });
    send(res, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error("sandbox: request failed", e);
      if (!res.headersSent) send(res, { status: 500, headers: {}, body: "" });
    });
  });
  return { server, control };
}
