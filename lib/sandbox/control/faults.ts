import { z } from "zod";

export const faultConfigSchema = z.object({
  rate: z.number().min(0).max(1),
  kinds: z.array(z.enum(["throttle", "5xx", "latency"])).min(1),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  operations: z.array(z.string()).optional(),
});

export type FaultConfig = z.infer<typeof faultConfigSchema>;
export type FaultKind = FaultConfig["kinds"][number];

/** Decides whether this call gets a fault; injected before the operation changes any state. */
export function pickFault(
  config: FaultConfig | undefined,
  operation: string,
  random: () => number = Math.random,
): FaultKind | undefined {
  if (!config) return undefined;
  if (config.operations && config.operations.length > 0 && !config.operations.includes(operation)) return undefined;
  if (random() >= config.rate) return undefined;
  const index = Math.min(config.kinds.length - 1, Math.floor(random() * config.kinds.length));
  return config.kinds[index];
}
