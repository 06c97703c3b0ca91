import { describe, expect, it } from "vitest";

import { effectiveSettings, withoutPassword } from "./effective-settings";
import { parseEnv } from "./env";

describe("effectiveSettings", () => {
  it("names the database without its password, the AWS endpoint and the worker arrangement", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://portal:s3cret@db.internal:5432/portal",
      AWS_ENDPOINT_URL: "http://127.0.0.1:4566",
      SANDBOX_TIME_SCALE: "20",
      PROVISIONER_IN_PROCESS: "false",
    });
    const lines = effectiveSettings(env).join("\n");
    expect(lines).not.toContain("s3cret");
    expect(lines).toContain("postgresql://portal:***@db.internal:5432/portal");
    expect(lines).toContain("endpoint http://127.0.0.1:4566");
    expect(lines).toContain("sandbox time scale: 20×");
    expect(lines).toContain("separate `npm run worker` processes only");
  });

  it("says real AWS when no endpoint is configured, and omits the time scale there", () => {
    const lines = effectiveSettings(parseEnv({ SANDBOX_TIME_SCALE: "20" })).join("\n");
    expect(lines).toContain("real AWS (default endpoints)");
    expect(lines).not.toContain("time scale");
    expect(lines).toContain("in this process (concurrency 2)");
  });

  it("states the sandbox time scale at its default too", () => {
    const lines = effectiveSettings(parseEnv({ AWS_ENDPOINT_URL: "http://127.0.0.1:4566" })).join("\n");
    expect(lines).toContain("sandbox time scale: 1× (AWS's own durations)");
  });

  it("says a separate worker runs requests itself, whatever the web servers are told", () => {
    const lines = effectiveSettings(parseEnv({ PROVISIONER_IN_PROCESS: "false", PROVISIONER_CONCURRENCY: "4" }), { process: "worker" }).join("\n");
    expect(lines).toContain("provisioning worker: in this process (concurrency 4)");
  });

  it("prefers what the launcher started over the environment", () => {
    const lines = effectiveSettings(parseEnv({}), { databaseUrl: "postgresql://postgres@127.0.0.1:5444/portal", awsEndpoint: "http://127.0.0.1:4566" });
    expect(lines[0]).toBe("database: postgresql://postgres@127.0.0.1:5444/portal");
    expect(lines[1]).toContain("http://127.0.0.1:4566");
  });

  it("never throws on a URL it cannot parse", () => {
    expect(withoutPassword("not a url")).toBe("(unparseable URL)");
  });
});
