import { describe, expect, it } from "vitest";

import { urlControlCharacter } from "./url-control-characters";

const at = (path: string) => urlControlCharacter(new URL(path, "http://portal.test"));

describe("control characters in a URL", () => {
  it("finds a NUL or another control character in the path or a query value, escaped or not", () => {
    expect(at("/api/v1/requests/%00")).toBe("path");
    expect(at("/requests/abc%0Adef")).toBe("path");
    expect(at("/audit?actor=bob%00")).toBe('query parameter "actor"');
    expect(at("/api/v1/requests?q=%1B%5B31m")).toBe('query parameter "q"');
    expect(at("/requests?%00=1")).toBe('query parameter "?"');
  });

  it("lets ordinary URLs through, spaces, plus signs, Unicode and malformed escapes included", () => {
    expect(at("/requests?q=orders+prod&status=SUBMITTED,FAILED")).toBeNull();
    expect(at("/audit?actor=J%C3%BCrgen&from=2026-12-01T10:00")).toBeNull();
    expect(at("/requests/%E0%A4%A")).toBeNull();
  });
});

describe("the proxy in front of every page and route", () => {
  it("answers 400 before a page or route sees such a URL, with the security headers", async () => {
    const { NextRequest } = await import("next/server");
    const { proxy } = await import("@/proxy");
    const api = proxy(new NextRequest("http://portal.test/api/v1/requests/%00"));
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ error: "bad-request", message: expect.stringContaining("path") });
    expect(api.headers.get("cache-control")).toBe("no-store");
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    const page = proxy(new NextRequest("http://portal.test/audit?actor=%00"));
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('query parameter "actor"');
    expect(proxy(new NextRequest("http://portal.test/requests?q=orders")).status).toBe(200);
  });
});
