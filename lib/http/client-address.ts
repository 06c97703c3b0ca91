// Who is asking, for per-address rate limits. Each trusted proxy appends the address it saw to X-Forwarded-For,
// so with N trusted hops (TRUSTED_PROXY_HOPS) the client is the Nth entry from the right; entries further left
// were written by the client and prove nothing. With no proxy, Next's server writes the socket's address into
// the header, but only when the request brought none, so the header cannot be told apart from a forged one:
// a single entry is used as it is (a client can then choose its key, which is why production should run
// behind a proxy and say so), and a list, which only a forger sends to a directly exposed portal, is "unknown".
export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    // A dual-stack server sees an IPv4 client as ::ffff:a.b.c.d; it is the same client as a.b.c.d.
    .map((entry) => entry.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1"))
    .filter(Boolean);
  if (trustedProxyHops === 0) return entries.length === 1 && entries[0] ? entries[0] : "unknown";
  return entries[entries.length - trustedProxyHops] ?? entries[0] ?? "unknown";
}
