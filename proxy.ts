import { NextResponse, type NextRequest } from "next/server";

import { config as portalConfig } from "@/lib/config";
import { securityHeaders } from "@/lib/http/security-headers";
import { urlControlCharacter } from "@/lib/http/url-control-characters";
import { ensureRequestId, REQUEST_ID_HEADER } from "@/lib/log/request-id";

// Runs before every page and API route: a fresh nonce per request, put in the request's policy (where Next
// reads it for its scripts) and in the response's.
export function proxy(request: NextRequest): NextResponse {
  const env = portalConfig();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = securityHeaders({
    nonce,
    production: env.NODE_ENV === "production",
    https: servedOverHttps(request, env.AUTH_URL),
    formActionOrigins: env.AUTH_OIDC_ISSUER ? [new URL(env.AUTH_OIDC_ISSUER).origin] : [],
  });
  const unreadable = urlControlCharacter(request.nextUrl);
  if (unreadable) return refuseControlCharacters(request, unreadable, headers);
  const requestHeaders = new Headers(request.headers);
  // One id per request, read by pages, server actions and route handlers for their logs, and sent back.
  const requestId = ensureRequestId(requestHeaders);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["content-security-policy"] ?? "");
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  if (request.nextUrl.pathname.startsWith("/api/")) response.headers.set("cache-control", "no-store");
  return response;
}

// The public URL decides when it is configured; otherwise the scheme the browser used, which a TLS-terminating
// proxy in front reports in X-Forwarded-Proto.
function servedOverHttps(request: NextRequest, publicUrl: string | undefined): boolean {
  if (publicUrl) return new URL(publicUrl).protocol === "https:";
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ? `${forwarded}:` : request.nextUrl.protocol) === "https:";
}

// The JSON API answers in its error shape; a page gets a line of text.
function refuseControlCharacters(request: NextRequest, where: string, headers: Record<string, string>): NextResponse {
  const message = `The ${where} of this URL holds a control character (such as NUL), which no id, search or filter contains`;
  const response = request.nextUrl.pathname.startsWith("/api/")
    ? NextResponse.json({ error: "bad-request", message }, { status: 400 })
    : new NextResponse(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("cache-control", "no-store");
  return response;
}

export const config = {
  // Static assets carry no page and change only with a build; everything else is answered with the headers.
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
