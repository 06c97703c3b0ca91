// The control API resets and rewrites the sandbox's world, and anything on this machine can reach it: a web page
// in the developer's browser could POST to it (another Origin), or reach it under a name it controls that
// resolves to 127.0.0.1 (DNS rebinding, caught by the Host header). SDK clients never call it.
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function hostnameOf(host: string): string {
  return host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : (host.split(":")[0] ?? "");
}

/** Why the request is refused, or null. `ownAddress` is the address the request arrived on. */
export function controlRequestRefusal(headers: { host?: string; origin?: string }, ownAddress: string | undefined): string | null {
  const host = headers.host?.toLowerCase();
  if (!host) return "a Host header is required";
  const name = hostnameOf(host);
  const own = ownAddress?.includes(":") ? `[${ownAddress}]` : ownAddress;
  if (!LOOPBACK_NAMES.has(name) && name !== own && name !== ownAddress) return `the control API answers only on this machine's addresses, not ${name}`;
  if (headers.origin === undefined) return null;
  let origin: URL;
  try {
    origin = new URL(headers.origin);
  } catch {
    return "the Origin header is not a URL";
  }
  if (origin.host.toLowerCase() !== host) return `requests from ${headers.origin} are refused`;
  return null;
}
