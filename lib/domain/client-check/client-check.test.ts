import { describe, expect, it } from "vitest";

import { checkReportSchema, reportMismatch, reportSummary, resultPassed } from "./check-report";
import { clientCheckScript } from "./check-script";
import { checkTargets } from "./check-targets";

describe("checkTargets", () => {
  it.each<[string, string | null, ReturnType<typeof checkTargets>]>([
    ["IAM brokers", "b-1.x.kafka.us-east-1.amazonaws.com:9098,b-2.x.kafka.us-east-1.amazonaws.com:9098", [
      { host: "b-1.x.kafka.us-east-1.amazonaws.com", port: 9098, tls: true },
      { host: "b-2.x.kafka.us-east-1.amazonaws.com", port: 9098, tls: true },
    ]],
    ["plaintext is the one port without TLS", "b-1.x:9092", [{ host: "b-1.x", port: 9092, tls: false }]],
    ["multi-VPC ports are TLS", "b-1.vpce.x:14001", [{ host: "b-1.vpce.x", port: 14001, tls: true }]],
    ["each broker once", "b-1.x:9094, B-1.X:9094", [{ host: "b-1.x", port: 9094, tls: true }]],
    ["nothing a shell could read as code", "b-1.x:9094,$(reboot):9094,b;rm:9094,b-2.x:99999", [{ host: "b-1.x", port: 9094, tls: true }]],
    ["no bootstrap string", null, []],
  ])("%s", (_label, bootstrap, expected) => {
    expect(checkTargets(bootstrap)).toEqual(expected);
  });
});

describe("a report", () => {
  const targets = checkTargets("b-1.x:9098,b-2.x:9098");
  const line = (host: string, over: Partial<{ tcp: "ok" | "failed"; tls: "ok" | "failed" | "not-tried" }> = {}) => ({ host, port: 9098, resolved: ["10.0.1.5"], tcp: "ok" as const, tls: "ok" as const, ...over });

  it("must answer for exactly this check's brokers, each once", () => {
    expect(reportMismatch({ hostname: "h", results: [line("b-1.x"), line("b-2.x")] }, targets)).toBeNull();
    expect(reportMismatch({ hostname: "h", results: [line("b-1.x")] }, targets)).toBe("b-2.x:9098 is missing from the report");
    expect(reportMismatch({ hostname: "h", results: [line("b-1.x"), line("b-1.x")] }, targets)).toBe("a broker is reported twice");
    expect(reportMismatch({ hostname: "h", results: [line("b-1.x"), line("evil.example")] }, targets)).toBe("evil.example:9098 is not one of this request's brokers");
  });

  it("refuses fields the script never sends and values it never writes", () => {
    expect(checkReportSchema.safeParse({ hostname: "h", results: [{ ...line("b-1.x"), extra: 1 }] }).success).toBe(false);
    expect(checkReportSchema.safeParse({ hostname: "h", results: [{ ...line("b-1.x"), resolved: ["<script>"] }] }).success).toBe(false);
    expect(checkReportSchema.safeParse({ hostname: "h\u202e", results: [line("b-1.x")] }).success).toBe(false);
  });

  it("passes a line that connected and completed TLS", () => {
    expect(resultPassed(line("b-1.x"))).toBe(true);
    expect(resultPassed(line("b-1.x", { tls: "failed" }))).toBe(false);
    expect(resultPassed(line("b-1.x", { tcp: "failed", tls: "not-tried" }))).toBe(false);
    expect(reportSummary([line("b-1.x"), line("b-2.x", { tcp: "failed", tls: "not-tried" })])).toBe("1 of 2 broker addresses reached (1 failed)");
  });
});

describe("clientCheckScript", () => {
  const input = { requestNumber: 7, reportUrl: "https://portal.example.com/api/v1/client-checks/report", token: "mskc_abc", targets: checkTargets("b-1.x:9098"), expiresAt: new Date("2026-12-04T10:00:00Z") };

  it("carries the targets, the report address and the token as single-quoted values", () => {
    const script = clientCheckScript(input);
    expect(script).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(script).toContain("REPORT_URL='https://portal.example.com/api/v1/client-checks/report'");
    expect(script).toContain("TOKEN='mskc_abc'");
    expect(script).toContain("TARGETS='b-1.x 9098 tls'");
  });

  it("refuses a value that would end its shell string", () => {
    expect(() => clientCheckScript({ ...input, reportUrl: "https://portal/'; reboot; '" })).toThrow(/cannot put/);
  });
});

describe("a report's lines must be ones the script can write", () => {
  const targets = checkTargets("b-1.x:9098,b-1.x:9092");
  const report = (tls: string, plainTls: string, tcp = "ok") =>
    reportMismatch(
      checkReportSchema.parse({
        hostname: "h",
        results: [
          { host: "b-1.x", port: 9098, resolved: [], tcp, tls },
          { host: "b-1.x", port: 9092, resolved: [], tcp: "ok", tls: plainTls },
        ],
      }),
      targets,
    );
  it.each<[string | null, string | null]>([
    [report("ok", "skipped"), null],
    [report("skipped", "skipped"), "b-1.x:9098 speaks TLS: its TLS result cannot be skipped"],
    [report("ok", "ok"), "b-1.x:9092 is a plaintext port: its TLS result cannot be ok"],
    [report("ok", "skipped", "failed"), "b-1.x:9098 did not connect, so TLS cannot have been tried"],
    [report("not-tried", "skipped"), "b-1.x:9098 connected, so TLS must have been tried"],
    [report("not-tried", "skipped", "failed"), null],
  ])("%s", (got, expected) => {
    expect(got).toBe(expected);
  });

  it("passes a connected line even when the host had no tool to list addresses", () => {
    expect(resultPassed({ host: "b-1.x", port: 9098, resolved: [], tcp: "ok", tls: "ok" })).toBe(true);
  });
});
