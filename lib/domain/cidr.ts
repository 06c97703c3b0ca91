export type Cidr = { base: number; prefix: number };

export type CidrParseResult =
  | { ok: true; cidr: Cidr }
  | { ok: false; reason: "syntax" | "prefix" | "octet" }
  | { ok: false; reason: "not-network"; suggestion: string };

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

function maskOf(prefix: number): number {
  // `>>> 0` keeps everything an unsigned 32-bit number; `<< 32` would be a no-op in JS.
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function ipToString(ip: number): string {
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join(".");
}

export function parseCidr(text: string): CidrParseResult {
  const match = CIDR_PATTERN.exec(text.trim());
  if (!match) return { ok: false, reason: "syntax" };
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255)) return { ok: false, reason: "octet" };
  if (prefix > 32) return { ok: false, reason: "prefix" };
  const ip = octets.reduce((acc, o) => ((acc << 8) | o) >>> 0, 0);
  const base = (ip & maskOf(prefix)) >>> 0;
  if (base !== ip) {
    return { ok: false, reason: "not-network", suggestion: formatCidr({ base, prefix }) };
  }
  return { ok: true, cidr: { base, prefix } };
}

/** For inputs that were validated already; throws on a bad CIDR because that is a programming error. */
export function cidrOf(text: string): Cidr {
  const result = parseCidr(text);
  if (!result.ok) throw new Error(`Invalid CIDR: ${text}`);
  return result.cidr;
}

export function formatCidr(cidr: Cidr): string {
  return `${ipToString(cidr.base)}/${cidr.prefix}`;
}

function lastAddress(cidr: Cidr): number {
  return (cidr.base | (~maskOf(cidr.prefix) >>> 0)) >>> 0;
}

export function cidrContains(outer: Cidr | string, inner: Cidr | string): boolean {
  const o = typeof outer === "string" ? cidrOf(outer) : outer;
  const i = typeof inner === "string" ? cidrOf(inner) : inner;
  return o.prefix <= i.prefix && ((i.base & maskOf(o.prefix)) >>> 0) === o.base;
}

export function cidrsOverlap(a: Cidr | string, b: Cidr | string): boolean {
  const x = typeof a === "string" ? cidrOf(a) : a;
  const y = typeof b === "string" ? cidrOf(b) : b;
  return x.base <= lastAddress(y) && y.base <= lastAddress(x);
}

/** Any CIDR of `as` overlapping any of `bs`, as pairs, so a message can name them. */
export function overlappingPairs(
  as: readonly string[],
  bs: readonly string[],
): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const a of as) for (const b of bs) if (cidrsOverlap(a, b)) pairs.push([a, b]);
  return pairs;
}

// RFC 1918 plus RFC 6598 shared address space, which carrier-grade NAT and many on-prem networks use.
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"].map(cidrOf);

export function isPrivateCidr(cidr: Cidr | string): boolean {
  const c = typeof cidr === "string" ? cidrOf(cidr) : cidr;
  return PRIVATE_RANGES.some((range) => cidrContains(range, c));
}

export function compareCidrs(a: Cidr, b: Cidr): number {
  return a.base - b.base || a.prefix - b.prefix;
}

/** Sorted, deduplicated, and with CIDRs inside another listed CIDR dropped. */
export function normalizeCidrs(cidrs: readonly string[]): string[] {
  const sorted = cidrs.map(cidrOf).sort(compareCidrs);
  const kept: Cidr[] = [];
  for (const c of sorted) {
    if (!kept.some((k) => cidrContains(k, c))) kept.push(c);
  }
  return kept.map(formatCidr);
}
