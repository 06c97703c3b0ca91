/** One broker address the client must reach, and whether its port speaks TLS. */
export type CheckTarget = { host: string; port: number; tls: boolean };

// MSK's plaintext listener is 9092; every other broker port (9094 TLS, 9096 SASL/SCRAM, 9098 IAM, the public
// 919x ones, and multi-VPC's 14001-14100) is TLS.
// https://docs.aws.amazon.com/msk/latest/developerguide/port-info.html
const PLAINTEXT_PORTS: ReadonlySet<number> = new Set([9092]);
// A DNS name or an IPv4 address: what a bootstrap string holds. Anything else never reaches the script.
const HOST = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** The brokers of a bootstrap string ("b-1.x:9098,b-2.x:9098"), each once, in order; malformed entries are left out. */
export function checkTargets(bootstrap: string | null): CheckTarget[] {
  if (!bootstrap) return [];
  const seen = new Set<string>();
  return bootstrap.split(",").flatMap((entry) => {
    const match = /^([^:\s]+):(\d{1,5})$/.exec(entry.trim());
    const host = match?.[1];
    const port = Number(match?.[2]);
    if (!host || !HOST.test(host) || !(port >= 1 && port <= 65535)) return [];
    const key = `${host.toLowerCase()}:${port}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ host, port, tls: !PLAINTEXT_PORTS.has(port) }];
  });
}
