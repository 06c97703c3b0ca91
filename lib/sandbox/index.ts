import type { AddressInfo } from "node:net";
import { systemClock } from "./core/clock";
import { createSandboxServer } from "./server/http-server";
import type { ServiceProtocol } from "./server/service";
import { directConnectService } from "./services/directconnect/dx-service";
import { ec2Service } from "./services/ec2/ec2-service";
import { kafkaService } from "./services/kafka/kafka-service";
import { ramService } from "./services/ram/ram-service";
import { stsService } from "./services/sts/sts-service";
import { loadState, saveState } from "./state/persistence";
import type { World } from "./state/world";
import { DEFAULT_TOPOLOGY } from "./topology/default-topology";
import { parseTopology } from "./topology/parse-topology";
import type { SandboxTopology } from "./topology/schema";
import { seedState } from "./topology/seed-state";

export { DEFAULT_TOPOLOGY } from "./topology/default-topology";
export { topologySchema, type SandboxTopology, type ParsedTopology } from "./topology/schema";
export { parseTopology, TopologyError } from "./topology/parse-topology";
export { BROWNFIELD_TOPOLOGY_FILE, loadTopologyFile } from "./topology/load-topology-file";
export type { FaultConfig } from "./control/faults";
export type { CallRecord } from "./control/call-log";

export type SandboxOptions = {
  port?: number;
  host?: string;
  topology?: SandboxTopology;
  /** Multiplies AWS's delays: 1 is realistic-ish, tests use e.g. 0.001. */
  timeScale?: number;
  /** JSON file the state is saved to after every change and reloaded from at start. */
  stateFile?: string;
};

export type RunningSandbox = { url: string; port: number; close(): Promise<void> };

const SERVICES: Record<string, ServiceProtocol> = {
  ec2: ec2Service,
  sts: stsService,
  ram: ramService,
  kafka: kafkaService,
  directconnect: directConnectService,
};

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const topology = parseTopology(options.topology ?? DEFAULT_TOPOLOGY);
  const clock = systemClock(options.timeScale ?? 1);
  const loaded = options.stateFile ? loadState(options.stateFile) : undefined;
  const world: World = { state: loaded ?? seedState(topology, clock.now(), clock.timeScale), topology, clock };
  const persist = () => {
    if (options.stateFile) saveState(options.stateFile, world.state);
  };
  const { server } = createSandboxServer({
    world,
    services: SERVICES,
    reset: () => {
      // A reset restores the world, not the callers: issued credentials keep working.
      const sessions = world.state.sessions;
      world.state = { ...seedState(topology, clock.now(), clock.timeScale), sessions };
      persist();
    },
    persist,
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4566, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  persist();
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
