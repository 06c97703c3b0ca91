import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseTopology, TopologyError } from "./parse-topology";
import type { ParsedTopology } from "./schema";

/** A brownfield network: existing peerings, routes, rules, TGW attachments, RAM shares and MSK VPC connections. */
export const BROWNFIELD_TOPOLOGY_FILE = fileURLToPath(new URL("./examples/brownfield.json", import.meta.url));

/** Reads and validates a topology file; every error names the file, and validation errors their JSON path. */
export function loadTopologyFile(path: string): ParsedTopology {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return parseTopology(raw);
  } catch (e) {
    if (e instanceof TopologyError) throw new Error(`${path} is ${e.message}`);
    throw e;
  }
}
