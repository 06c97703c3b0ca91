// The headers every response carries. Production gets a strict Content-Security-Policy: scripts only from
// this origin with the request's nonce (Next puts it on its own scripts after reading it from the request's
// policy), no inline or foreign code, no framing. `next dev` needs eval and inline scripts for hot reload and
// React's debugging, so development keeps only the parts that cost it nothing (framing, plugins, base URL);
// the production build, which the production end-to-end project runs, is where the nonce policy is proven.
export type SecurityHeaderOptions = {
  nonce: string;
  production: boolean;
  /**
   * Whether browsers reach the portal over https. Only then may the policy ask them to upgrade plain-http
   * subresources and HSTS be sent: a portal served over plain http (a private network without TLS) would
   * otherwise have every script and style upgraded to an https address that does not answer.
   */
  https: boolean;
  /** Origins a form may post to besides this one: the identity provider, which the SSO form is redirected to. */
  formActionOrigins?: string[];
};

export function contentSecurityPolicy({ nonce, production, https, formActionOrigins = [] }: SecurityHeaderOptions): string {
  const always = ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"];
  if (!production) return always.join("; ");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Style attributes in server-rendered markup (Next's own error and not-found pages use them) cannot carry a
    // nonce; they cannot run code either.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    `form-action ${["'self'", ...formActionOrigins].join(" ")}`,
    ...always,
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    // Only over https does a browser heed it; a year, as the HSTS preload list asks.
    ...(options.production && options.https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
