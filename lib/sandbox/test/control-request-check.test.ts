import { request } from "node:http";

import { DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { controlRequestRefusal } from "../control/control-request-check";
import { ACCOUNTS, startHarness, type Harness } from "./harness";

describe("controlRequestRefusal", () => {
  it.each<[string, { host?: string; origin?: string }, string | undefined, boolean]>([
    ["a test or curl on loopback", { host: "127.0.0.1:4566" }, "127.0.0.1", true],
    ["localhost", { host: "localhost:4566" }, "127.0.0.1", true],
    ["IPv6 loopback", { host: "[::1]:4566" }, "::1", true],
    ["the address it listens on (a container's)", { host: "172.18.0.5:4566" }, "172.18.0.5", true],
    ["the same origin", { host: "127.0.0.1:4566", origin: "http://127.0.0.1:4566" }, "127.0.0.1", true],
    ["a web page elsewhere", { host: "127.0.0.1:4566", origin: "https://evil.example" }, "127.0.0.1", false],
    ["the portal's own pages (another port)", { host: "127.0.0.1:4566", origin: "http://127.0.0.1:3000" }, "127.0.0.1", false],
    ["a rebound DNS name", { host: "rebind.evil.example:4566" }, "127.0.0.1", false],
    ["a rebound name with a matching origin", { host: "rebind.evil.example:4566", origin: "http://rebind.evil.example:4566" }, "127.0.0.1", false],
    ["no Host header", {}, "127.0.0.1", false],
    ["an Origin of null (sandboxed frame)", { host: "127.0.0.1:4566", origin: "null" }, "127.0.0.1", false],
  ])("%s", (_name, headers, ownAddress, allowed) => {
    expect(controlRequestRefusal(headers, ownAddress) === null).toBe(allowed);
  });
});

describe("the running sandbox", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sandbox.close());

  const post = (headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const url = new URL("/_sandbox/reset", h.sandbox.url);
      const req = request(url, { method: "POST", headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });

  it("refuses the control API to another origin and to a rebound host name", async () => {
    const host = new URL(h.sandbox.url).host;
    expect(await post({ origin: "https://evil.example" })).toBe(403);
    expect(await post({ host: "rebind.evil.example" })).toBe(403);
    expect(await post({ host })).toBe(200);
  });

  it("keeps answering SDK clients, which send no Origin", async () => {
    const msk = await h.assume(ACCOUNTS.msk);
    const vpcs = await h.ec2(msk).send(new DescribeVpcsCommand({}));
    expect(vpcs.Vpcs?.length).toBeGreaterThan(0);
  });
});
