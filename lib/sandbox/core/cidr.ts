/** IPv4 CIDR arithmetic needed to decide overlap, as AWS does for peering and TGW propagation. */
export function parseCidr(cidr: string): { base: number; prefix: number } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m) return undefined;
  const octets = [m[1], m[2], m[3], m[4]].map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const ip = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  return { base: ip - (ip % size), prefix };
}

export function cidrsOverlap(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (!x || !y) return false;
  const xEnd = x.base + 2 ** (32 - x.prefix);
  const yEnd = y.base + 2 ** (32 - y.prefix);
  return x.base < yEnd && y.base < xEnd;
}

export function isValidCidr(cidr: string): boolean {
  return parseCidr(cidr) !== undefined;
}

export function ipToNumber(ip: string): number | undefined {
  const parsed = parseCidr(`${ip}/32`);
  return parsed?.base;
}

export function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

/** Whether an IPv4 address lies in an IPv4 CIDR; false for anything else (IPv6 included). */
export function cidrContains(cidr: string, ip: string): boolean {
  const range = parseCidr(cidr);
  const address = ipToNumber(ip);
  if (!range || address === undefined) return false;
  return address >= range.base && address < range.base + 2 ** (32 - range.prefix);
}

export function prefixLength(cidr: string): number {
  return parseCidr(cidr)?.prefix ?? -1;
}
