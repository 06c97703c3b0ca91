import type { CheckTarget } from "./check-targets";

export type CheckScriptInput = {
  requestNumber: number;
  /** Where the script sends its results: the portal's POST /api/v1/client-checks/report. */
  reportUrl: string;
  /** The check's one-time token: it authorizes this report only. */
  token: string;
  targets: readonly CheckTarget[];
  expiresAt: Date;
};

// A single quote in a value would end the shell string (newlines are fine inside one); the values here never hold one (hosts are checked by
// checkTargets, the token is base64url, the URL is the portal's own), and this makes sure of it.
const shellQuoted = (value: string) => {
  if (/['\r\0]/.test(value)) throw new Error(`cannot put ${JSON.stringify(value)} in the check script`);
  return `'${value}'`;
};

/**
 * The bash script the one-line command runs on the client's host. It resolves each broker, opens a TCP
 * connection to its port and completes a TLS handshake where the port speaks TLS, prints what it found, and
 * sends the same to the portal. It changes nothing on the host and needs bash, coreutils' timeout and curl;
 * openssl for the TLS handshake (without it, TLS is reported as not checked); getent or dig to resolve.
 */
export function clientCheckScript(input: CheckScriptInput): string {
  const targets = input.targets.map((t) => `${t.host} ${t.port} ${t.tls ? "tls" : "plain"}`).join("\n");
  return `#!/usr/bin/env bash
# MSK connectivity portal: client check for request #${input.requestNumber}.
# Single use, valid until ${input.expiresAt.toISOString()}. Resolves each broker, connects to its port,
# completes a TLS handshake where the port speaks TLS, prints the result and reports it to the portal.
# It changes nothing on this host.
set -u
REPORT_URL=${shellQuoted(input.reportUrl)}
TOKEN=${shellQuoted(input.token)}
TARGETS=${shellQuoted(targets)}

have() { command -v "$1" >/dev/null 2>&1; }
resolver=none
if have getent; then resolver=getent; elif have dig; then resolver=dig; fi
resolve() {
  case "$resolver" in
    getent) getent ahosts "$1" | awk '!seen[$1]++ { print $1 }' | head -n 16 ;;
    dig) dig +short "$1" A "$1" AAAA | grep -E '^[0-9a-fA-F:.]+$' | head -n 16 ;;
  esac
}
tcp_open() { timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null; }
tls_handshake() {
  local sni=()
  [[ "$1" =~ ^[0-9.]+$ ]] || sni=(-servername "$1")
  # \${a[@]+…}: bash before 4.4 calls an empty array unbound under set -u.
  timeout 10 openssl s_client -connect "$1:$2" \${sni[@]+"\${sni[@]}"} -brief </dev/null 2>&1 | grep -q "CONNECTION ESTABLISHED"
}

results=""
failed=0
printf '%-60s %-6s %-8s %-12s %s\\n' "broker" "dns" "tcp" "tls" "addresses"
while read -r host port mode; do
  [ -n "$host" ] || continue
  addresses=$(resolve "$host" | tr '\\n' ' ' | sed 's/ *$//')
  dns=ok; tcp=failed; tls=skipped
  if [ "$resolver" = none ]; then dns=unknown; elif [ -z "$addresses" ]; then dns=failed; fi
  # Without getent or dig the name is left to bash's own lookup when it connects.
  if [ "$dns" != failed ] && tcp_open "$host" "$port"; then tcp=ok; fi
  if [ "$mode" = tls ]; then
    if [ "$tcp" != ok ]; then tls=not-tried
    elif ! have openssl; then tls=not-checked
    elif tls_handshake "$host" "$port"; then tls=ok
    else tls=failed
    fi
  fi
  if [ "$tcp" != ok ] || [ "$tls" = failed ] || [ "$tls" = not-checked ]; then failed=$((failed + 1)); fi
  printf '%-60s %-6s %-8s %-12s %s\\n' "$host:$port" "$dns" "$tcp" "$tls" "\${addresses:-none}"
  json_addresses=""
  for a in $addresses; do json_addresses="$json_addresses\${json_addresses:+,}\\"$a\\""; done
  results="$results\${results:+,}{\\"host\\":\\"$host\\",\\"port\\":$port,\\"resolved\\":[$json_addresses],\\"tcp\\":\\"$tcp\\",\\"tls\\":\\"$tls\\"}"
done <<< "$TARGETS"

name=$(hostname 2>/dev/null | tr -cd 'A-Za-z0-9._-' | cut -c1-255)
body="{\\"hostname\\":\\"$name\\",\\"results\\":[$results]}"
# The token on curl's standard input, never in its arguments.
if answer=$(curl -sS -m 20 -X POST -H @- -H 'content-type: application/json' --data-binary "$body" -w '\\n%{http_code}' "$REPORT_URL" 2>&1 <<< "Authorization: Bearer $TOKEN"); then
  status=\${answer##*$'\\n'}
  if [ "$status" = 200 ]; then echo "Reported to the portal: see request #${input.requestNumber}."
  else echo "The portal did not take the report (HTTP $status): \${answer%$'\\n'*}" >&2
  fi
else
  echo "Could not reach the portal to report: $answer" >&2
fi
[ "$failed" -eq 0 ] && echo "Every broker address was reached." || echo "$failed broker address(es) could not be reached: see above."
[ "$failed" -eq 0 ]
`;
}
