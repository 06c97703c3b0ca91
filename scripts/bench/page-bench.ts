import { randomBytes } from "node:crypto";

import type { PrismaClient } from "@/lib/db/prisma-factory";

import { insertBulkRequests } from "./bulk-requests";
import { benchExport, type ExportFigures } from "./export-bench";
import type { DemoPerson } from "./demo-people";
import { timePage, type PageTiming } from "./page-timing";
import { startPortalServer } from "./portal-server";
import { sessionCookie } from "./session-cookie";

export type PageFigures = { mode: string; requests: number; submitted: number; auditEvents: number; timings: PageTiming[]; exports: ExportFigures[] };

/** The page each p95 is held against: it renders and checks the session like the others but reads no table. */
export const TRIVIAL_PAGE = "sign-in page";

export const PAGE_RUNS = { warmUp: 20, measured: 200 };

/** Loads `count` requests, starts the portal on `port` and times a few pages one request at a time. */
export async function benchPages(options: {
  databaseUrl: string;
  prisma: PrismaClient;
  person: (name: string) => DemoPerson;
  detailRequestId: string;
  awsEndpoint: string;
  count: number;
  auditEvents: number;
  port: number;
  log: (line: string) => void;
}): Promise<PageFigures> {
  const { inserted, submitted, auditEvents } = await insertBulkRequests(options.databaseUrl, options.count, "bob@example.com", options.auditEvents);
  const requests = await options.prisma.accessRequest.count();
  options.log(`inserted ${inserted} requests (${requests} in all, ${submitted} waiting for approval), ${auditEvents} audit events`);
  const cluster = await options.prisma.cluster.findFirstOrThrow({ where: { name: "orders-prod" } });

  const secret = randomBytes(32).toString("base64url");
  const server = await startPortalServer(
    options.port,
    {
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: secret,
      AUTH_URL: `http://127.0.0.1:${options.port}`,
      // Production refuses the development sign-in; sessions come from signed cookies instead.
      DEV_SIGN_IN: "",
      AUTH_OIDC_ISSUER: "",
      AUTH_OIDC_CLIENT_ID: "",
      AUTH_OIDC_CLIENT_SECRET: "",
      // Nothing to provision: the worker would only compete with the pages for the two cores.
      PROVISIONER_IN_PROCESS: "0",
      AWS_ENDPOINT_URL: options.awsEndpoint,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    options.log,
  );
  try {
    const requester = options.person("alice");
    const approver = options.person("bob");
    const [asRequester, asApprover] = await Promise.all([sessionCookie(options.prisma, requester, secret), sessionCookie(options.prisma, approver, secret)]);
    // First, on a server that has rendered nothing large yet: what the export itself costs in memory.
    options.log(`exporting the whole audit history (${auditEvents} events) as NDJSON and as CSV`);
    const exports = [await benchExport(server.url, asApprover, server.pid, "ndjson"), await benchExport(server.url, asApprover, server.pid, "csv")];
    const timings = [
      await timePage(
        server.url,
        "request detail (alice)",
        `/requests/${options.detailRequestId}`,
        asRequester,
        PAGE_RUNS,
        "orders-prod",
      ),
      await timePage(server.url, "approval queue (bob)", "/approvals", asApprover, PAGE_RUNS, "Approval queue"),
      // Finding one request among all of them: by number, by the client's VPC, by filters, and the overviews.
      await timePage(server.url, "requests, all (bob)", "/requests", asApprover, PAGE_RUNS, "requests"),
      await timePage(server.url, "requests, #number (bob)", "/requests?q=%2350000", asApprover, PAGE_RUNS, "#50000"),
      await timePage(server.url, "requests, client VPC (bob)", "/requests?q=vpc-0bbb0000000000001", asApprover, PAGE_RUNS, "requests"),
      await timePage(server.url, "requests, filters (bob)", "/requests?status=ACTIVE&environment=prod&sort=updated", asApprover, PAGE_RUNS, "requests"),
      await timePage(server.url, "requests, team's (alice)", "/requests?q=orders", asRequester, PAGE_RUNS, "requests"),
      await timePage(server.url, "approval queue search (bob)", "/approvals?q=payments", asApprover, PAGE_RUNS, "Approval queue"),
      await timePage(server.url, "dashboard (bob)", "/dashboard", asApprover, PAGE_RUNS, "Dashboard"),
      await timePage(server.url, "cluster page (bob)", `/catalog/clusters/${cluster.id}`, asApprover, PAGE_RUNS, "orders-prod"),
      await timePage(server.url, "audit history (bob)", "/audit", asApprover, PAGE_RUNS, "Audit history"),
      await timePage(server.url, "audit of one request (bob)", "/audit?request=%2350000", asApprover, PAGE_RUNS, "Audit history"),
      await timePage(server.url, TRIVIAL_PAGE, "/signin", null, PAGE_RUNS, "Sign in"),
      await timePage(server.url, "health (JSON, no query)", "/api/health", null, PAGE_RUNS, "ok"),
    ];
    return { mode: server.mode, requests, submitted, auditEvents, timings, exports };
  } finally {
    await server.stop();
  }
}
