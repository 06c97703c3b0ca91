import { z } from "zod";
import type { WireResponse } from "../protocols/responses";
import type { World } from "../state/world";
import { describeState } from "./describe-state";
import { faultConfigSchema, type FaultConfig } from "./faults";
import type { CallLog } from "./call-log";
import { failNextConnectivityUpdate, operationFailureSchema } from "./msk-operation-failure";

/** What the control API may change on the running sandbox. */
export type ControlTarget = {
  world: World;
  calls: CallLog;
  getFaults(): FaultConfig | undefined;
  setFaults(config: FaultConfig | undefined): void;
  reset(): void;
};

function json(status: number, payload: unknown): WireResponse {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(payload, null, 2) };
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body || "{}");
  } catch {
    return undefined;
  }
}

/** `/_sandbox/*`: for tests and developers, never for the SDK. */
export function handleControl(target: ControlTarget, method: string, path: string, body: string): WireResponse {
  const route = `${method} ${path.replace(/\/+$/, "")}`;
  switch (route) {
    case "GET /_sandbox/health":
      return json(200, { status: "ok" });
    case "GET /_sandbox/state":
      return json(200, describeState(target.world));
    case "POST /_sandbox/reset":
      target.reset();
      return json(200, { status: "reset" });
    case "GET /_sandbox/faults":
      return json(200, target.getFaults() ?? null);
    case "POST /_sandbox/faults": {
      let raw: unknown;
      try {
        raw = JSON.parse(body || "{}");
      } catch {
        return json(400, { error: "body is not JSON" });
      }
      const parsed = faultConfigSchema.safeParse(raw);
      if (!parsed.success) return json(400, { error: z.prettifyError(parsed.error) });
      target.setFaults(parsed.data);
      return json(200, parsed.data);
    }
    case "POST /_sandbox/msk/operation-failure": {
      const parsed = operationFailureSchema.safeParse(parseBody(body));
      if (!parsed.success) return json(400, { error: z.prettifyError(parsed.error) });
      if (!failNextConnectivityUpdate(target.world, parsed.data)) return json(404, { error: `no cluster ${parsed.data.clusterArn}` });
      return json(200, parsed.data);
    }
    case "DELETE /_sandbox/faults":
      target.setFaults(undefined);
      return json(200, { status: "cleared" });
    case "GET /_sandbox/calls":
      return json(200, target.calls.list());
    case "DELETE /_sandbox/calls":
      target.calls.clear();
      return json(200, { status: "cleared" });
    default:
      return json(404, { error: `no control route ${route}` });
  }
}
