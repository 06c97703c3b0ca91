import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { observeHttpServer } from "./observe-http-server";
import { portalMetrics } from "./portal-metrics";

// A real HTTP server in this process stands in for Next's: the observer sees any server Node runs.
let server: Server;
let base: string;
beforeAll(async () => {
  observeHttpServer();
  observeHttpServer(); // a second call (Next re-running start-up code) must not count twice
  server = createServer((req, res) => {
    if (req.url === "/audit") return void setTimeout(() => res.end("late"), 2_000);
    res.statusCode = req.url?.startsWith("/requests/") || req.url === "/_next/static/chunks/app-1a2b3c.js" ? 200 : 404;
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const count = async (labels: string) => {
  const text = await portalMetrics().registry.metrics();
  const line = text.split("\n").find((l) => l.startsWith(`portal_http_requests_total{${labels}}`));
  return line ? Number(line.split(" ").at(-1)) : 0;
};

describe("observeHttpServer", () => {
  it("counts every answer by route, method and status, with ids folded", async () => {
    await fetch(`${base}/requests/cmabc123def456ghi789`);
    await fetch(`${base}/requests/cmzzz999yyy888xxx777`, { method: "POST" });
    await fetch(`${base}/_next/static/chunks/app-1a2b3c.js`);
    await fetch(`${base}/wp-login.php`);
    await fetch(`${base}/.env`);
    await expect.poll(() => count('route="/requests/[id]",method="GET",status="200"')).toBe(1);
    expect(await count('route="/requests/[id]",method="POST",status="200"')).toBe(1);
    expect(await count('route="/_next/static",method="GET",status="200"')).toBe(1);
    expect(await count('route="(unmatched)",method="GET",status="404"')).toBe(2);
    const text = await portalMetrics().registry.metrics();
    expect(text).toMatch(/portal_http_request_duration_seconds_count\{route="\/requests\/\[id\]",method="GET"\} 1/);
  });

  it("counts an answer the client did not wait for as aborted", async () => {
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${base}/audit`);
      req.on("error", () => resolve());
      req.end();
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
    await expect.poll(() => count('route="/audit",method="GET",status="aborted"'), { timeout: 5_000 }).toBe(1);
  });
});
