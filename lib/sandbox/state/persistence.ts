import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { SandboxState } from "./types";

/** Saved atomically (write then rename) so a crash never leaves half a file behind. */
export function saveState(file: string, state: SandboxState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

export function loadState(file: string): SandboxState | undefined {
  if (!existsSync(file)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!isState(parsed)) throw new Error(`${file} is not a sandbox state file`);
  return parsed;
}

function isState(v: unknown): v is SandboxState {
  return typeof v === "object" && v !== null && "counter" in v && "vpcs" in v && "clusters" in v;
}
