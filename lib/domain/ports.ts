import type { AuthMode } from "./request-input";

export type Access = "private" | "public";

// MSK developer guide, "Port information". Plaintext has no public listener: public access requires
// authenticated, encrypted traffic.
export const KAFKA_PORTS: Record<AuthMode, { private: number; public: number | null; ipv6: number }> = {
  plaintext: { private: 9092, public: null, ipv6: 20092 },
  tls: { private: 9094, public: 9194, ipv6: 20094 },
  scram: { private: 9096, public: 9196, ipv6: 20096 },
  iam: { private: 9098, public: 9198, ipv6: 20098 },
};

/**
 * Exactly the ports of the requested auth modes, sorted. Multi-VPC private connectivity does not use these:
 * its ports come from the BootstrapBrokerStringVpcConnectivity* fields, see portsFromBootstrapString.
 */
export function kafkaPortsFor(
  authModes: readonly AuthMode[],
  options: { access: Access; ipv6?: boolean } = { access: "private" },
): number[] {
  const ports = new Set<number>();
  for (const mode of authModes) {
    const entry = KAFKA_PORTS[mode];
    const port = options.ipv6 ? entry.ipv6 : options.access === "public" ? entry.public : entry.private;
    if (port !== null) ports.add(port);
  }
  return [...ports].sort((a, b) => a - b);
}

/** Ports of a bootstrap string "b-1.x:14001,b-2.x:14002"; entries without a valid port are ignored. */
export function portsFromBootstrapString(bootstrap: string | null | undefined): number[] {
  if (!bootstrap) return [];
  const ports = new Set<number>();
  for (const entry of bootstrap.split(",")) {
    const match = /:(\d{1,5})$/.exec(entry.trim());
    const port = match ? Number(match[1]) : NaN;
    if (Number.isInteger(port) && port > 0 && port <= 65535) ports.add(port);
  }
  return [...ports].sort((a, b) => a - b);
}

/** "9094, 9096" or "14001-14100": consecutive ports read as a range, as a security group rule shows them. */
export function formatPorts(ports: readonly number[]): string {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j += 1;
    const first = sorted[i];
    const last = sorted[j];
    parts.push(j - i >= 2 ? `${first}-${last}` : sorted.slice(i, j + 1).join(", "));
    i = j + 1;
  }
  return parts.join(", ");
}
