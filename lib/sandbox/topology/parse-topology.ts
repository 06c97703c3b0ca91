import type { z } from "zod";
import { topologySchema, type ParsedTopology } from "./schema";

/** `accounts[0].vpcs[1].routeTables`: the path as one would write it to reach the field in the JSON. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
}

/** One line per problem; an unknown key names itself, so a misspelling is found at a glance. */
export function topologyProblems(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => `${jsonPath([...issue.path, key])}: unknown key`);
    return [`${jsonPath(issue.path) || "(top level)"}: ${issue.message}`];
  });
}

export class TopologyError extends Error {
  constructor(readonly problems: string[]) {
    super(`not a valid sandbox topology:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "TopologyError";
  }
}

/** Validates a topology (a file's JSON, or an object in code); throws TopologyError listing every problem. */
export function parseTopology(raw: unknown): ParsedTopology {
  const parsed = topologySchema.safeParse(raw);
  if (!parsed.success) throw new TopologyError(topologyProblems(parsed.error));
  return parsed.data;
}
