import "server-only";

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { logUnexpected } from "@/lib/log/log-unexpected";

import { metricsRefusal } from "./metrics-access";
import { scrapeMetrics } from "./scrape-metrics";

export type WorkerMetricsServer = { url: string; close(): Promise<void> };

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(await response.text());
}

async function answer(req: IncomingMessage, token: string | undefined): Promise<Response> {
  const path = new URL(req.url ?? "/", "http://worker").pathname;
  if (path !== "/metrics") return new Response("Not found: metrics are at /metrics\n", { status: 404 });
  if (req.method !== "GET" && req.method !== "HEAD") return new Response(null, { status: 405, headers: { allow: "GET, HEAD" } });
  const refused = metricsRefusal(token, req.headers.authorization ?? null);
  if (refused) return refused;
  const { contentType, body } = await scrapeMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}

// A worker has no web server, yet its step and AWS counters exist only in its own memory: this serves them
// with the same token and text as the portal's /api/metrics, so Prometheus scrapes each worker as a target.
export async function startWorkerMetricsServer(options: { host: string; port: number; token: string | undefined }): Promise<WorkerMetricsServer> {
  const server = createServer((req, res) => {
    answer(req, options.token)
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        // A failed scrape (the database away) is Prometheus's "down", not the worker's end.
        const reference = logUnexpected(error, "metrics scrape failed", { path: req.url });
        res.writeHead(500, { "content-type": "text/plain", "cache-control": "no-store" });
        res.end(`The scrape failed; the worker's log has reference ${reference}.\n`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/metrics`,
    // A scraper keeps its connection open between scrapes; the worker's shutdown does not wait for it.
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
