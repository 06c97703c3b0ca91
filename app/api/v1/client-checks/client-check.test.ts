import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from "node:net";
import path from "node:path";
import { createServer as createTlsServer } from "node:tls";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createClientCheck } from "@/lib/db/client-checks/create-client-check";
import { loadClientChecks } from "@/lib/db/client-checks/load-client-checks";
import { clientCheckCommand } from "@/lib/domain/client-check/check-command";
import type { ClientLocation } from "@/lib/domain/request-input";

import { startProvisioningHarness, type ProvisioningHarness } from "@/lib/provisioner/testing/provisioning-harness";

// The check script runs for real, in bash on this host, against local listeners standing in for brokers: a
// TLS one (passes), a plain TCP one (connects, TLS fails) and a closed port (nothing answers). Its report
// goes over HTTP to the portal's own route handlers.
const SAME_VPC: ClientLocation = { type: "aws-vpc", accountId: "111111111111", region: "us-east-1", vpcId: "vpc-0aaa0000000000002", securityGroupIds: ["sg-0aaa0000000000011"] };
// A self-signed certificate for "localhost", made for this test only (openssl req -x509 … -days 36500).
const FIXTURES = path.join(__dirname, "_fixtures");
const scriptRoute = await import("./script/route");
const reportRoute = await import("./report/route");

let h: ProvisioningHarness;
let portal: Server;
let portalUrl: string;
const brokers: TcpServer[] = [];
const ports = { tls: 0, plain: 0, closed: 0 };

const listen = async (server: TcpServer) => {
  await new Promise<void>((resolve) => server.listen(0, resolve));
  brokers.push(server);
  return (server.address() as AddressInfo).port;
};

// Node's server in front of the route handlers, as Next's is in front of them in the portal.
async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  h = await startProvisioningHarness();
  ports.tls = await listen(createTlsServer({ key: readFileSync(path.join(FIXTURES, "broker-test-key.pem")), cert: readFileSync(path.join(FIXTURES, "broker-test-cert.pem")) }, (socket) => socket.end()));
  ports.plain = await listen(createTcpServer((socket) => socket.end()));
  const closing = createTcpServer();
  ports.closed = await new Promise<number>((resolve) => closing.listen(0, () => resolve((closing.address() as AddressInfo).port)));
  await new Promise<void>((resolve) => closing.close(() => resolve()));

  portal = createHttpServer((req, res) => {
    void (async () => {
      const url = `http://${req.headers.host}${req.url}`;
      // Next's server adds the peer's address as X-Forwarded-For; so does this stand-in.
      const headers = { ...(req.headers as Record<string, string>), "x-forwarded-for": (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "") };
      const request = new Request(url, { method: req.method, headers, ...(req.method === "POST" ? { body: new Uint8Array(await bodyOf(req)) } : {}) });
      const handler = req.url === "/api/v1/client-checks/script" && req.method === "GET" ? scriptRoute.GET : req.url === "/api/v1/client-checks/report" && req.method === "POST" ? reportRoute.POST : null;
      const response = handler ? await handler(request) : new Response("no such route", { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => portal.listen(0, "127.0.0.1", resolve));
  portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const server of brokers) server.close();
  await new Promise<void>((resolve) => (portal ? portal.close(() => resolve()) : resolve()));
  await h?.close();
});

/** An active request whose client is told to use the three local listeners. */
async function activeRequestOnLocalBrokers() {
  const request = await h.file("alice", SAME_VPC);
  await h.act("bob", request.id, "approve");
  await h.run(request.id);
  expect(await h.status(request.id)).toBe("ACTIVE");
  const bootstrap = [ports.tls, ports.plain, ports.closed].map((p) => `localhost:${p}`).join(",");
  await h.prisma.accessRequest.update({ where: { id: request.id }, data: { connection: { bootstrap, clientSettings: {}, readAt: new Date().toISOString() } } });
  return request;
}

const runCommand = (token: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const command = clientCheckCommand(portalUrl, token);
    execFile("bash", ["-c", command], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });

const report = (token: string, body: unknown) =>
  fetch(`${portalUrl}/api/v1/client-checks/report`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });

describe("the client check, run on the client's host", () => {
  it("resolves, connects and completes TLS per broker, prints the result, and reports it once to the request", async () => {
    const request = await activeRequestOnLocalBrokers();
    const { token, targets } = await createClientCheck(h.person("alice"), request.id);
    expect(targets.map((t) => [t.port, t.tls])).toEqual([[ports.tls, true], [ports.plain, true], [ports.closed, true]]);

    const run = await runCommand(token);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const line = (port: number) => run.stdout.split("\n").find((l) => l.startsWith(`localhost:${port} `)) ?? "";
    expect(line(ports.tls)).toMatch(/^localhost:\d+\s+ok\s+ok\s+ok\s+\S/);
    expect(line(ports.plain)).toMatch(/^localhost:\d+\s+ok\s+ok\s+failed/);
    expect(line(ports.closed)).toMatch(/^localhost:\d+\s+ok\s+failed\s+not-tried/);
    expect(run.stdout).toContain(`Reported to the portal: see request #${request.number}.`);
    expect(run.stdout).toContain("2 broker address(es) could not be reached");

    const { latest, waiting } = await loadClientChecks(request.id);
    expect(waiting).toBe(0);
    expect(latest?.reportedFrom).toBe("127.0.0.1");
    expect(latest?.report.results).toEqual([
      { host: "localhost", port: ports.tls, resolved: expect.arrayContaining(["127.0.0.1"]), tcp: "ok", tls: "ok" },
      { host: "localhost", port: ports.plain, resolved: expect.arrayContaining(["127.0.0.1"]), tcp: "ok", tls: "failed" },
      { host: "localhost", port: ports.closed, resolved: expect.arrayContaining(["127.0.0.1"]), tcp: "failed", tls: "not-tried" },
    ]);
    const audit = await h.prisma.auditEvent.findMany({ where: { requestId: request.id, action: { startsWith: "request.client-check-" } }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, e.actorLabel])).toEqual([
      ["request.client-check-created", "alice@example.com"],
      ["request.client-check-reported", "client check from 127.0.0.1"],
    ]);
    expect(audit[1]?.details).toMatchObject({ summary: "1 of 3 broker addresses reached (2 failed)" });

    // Single use: the same command now fails at once, saying why, and the token reports nothing again.
    const again = await runCommand(token);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/curl: \(22\).*401/);
    expect((await report(token, latest?.report)).status).toBe(401);
  });

  it("refuses a report for other brokers, a malformed one and an expired token, storing nothing", async () => {
    const request = await activeRequestOnLocalBrokers();
    const { token } = await createClientCheck(h.person("alice"), request.id);
    const line = (port: number) => ({ host: "localhost", port, resolved: ["127.0.0.1"], tcp: "ok", tls: "ok" });
    const wrong = await report(token, { hostname: "client-1", results: [line(ports.tls), line(ports.plain), line(9)] });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { message: string }).message).toMatch(/localhost:9 is not one of this request's brokers/);
    const malformed = await report(token, { hostname: "client-1", results: [{ ...line(ports.tls), tcp: "maybe" }] });
    expect(malformed.status).toBe(400);
    expect((await loadClientChecks(request.id)).latest).toBeNull();

    await h.prisma.clientCheck.updateMany({ where: { requestId: request.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await report(token, { hostname: "client-1", results: [line(ports.tls), line(ports.plain), line(ports.closed)] });
    expect(expired.status).toBe(401);
    expect((await loadClientChecks(request.id)).latest).toBeNull();
  });

  it("is for the request's team and operators, and only while it is active", async () => {
    const request = await activeRequestOnLocalBrokers();
    await expect(createClientCheck(h.person("dana"), request.id)).rejects.toMatchObject({ code: expect.stringMatching(/forbidden|not-found/) });
    await expect(createClientCheck(h.person("erin"), request.id)).resolves.toMatchObject({ token: expect.stringMatching(/^mskc_/) });
    await h.prisma.accessRequest.update({ where: { id: request.id }, data: { status: "DECOMMISSIONED" } });
    await expect(createClientCheck(h.person("alice"), request.id)).rejects.toThrow(/Only an active connection/);
  });
});
