import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { newId } from "../core/ids";
import { BROWNFIELD_TOPOLOGY_FILE, DEFAULT_TOPOLOGY, parseTopology, TopologyError } from "../index";
import { seedState } from "../topology/seed-state";

type Json = Record<string, unknown> & { accounts: Array<Record<string, unknown> & { vpcs: Array<Record<string, unknown>> }>; peerings: Array<Record<string, unknown>> };
const brownfield = (): Json => JSON.parse(readFileSync(BROWNFIELD_TOPOLOGY_FILE, "utf8")) as Json;

function problems(raw: unknown): string[] {
  try {
    parseTopology(raw);
  } catch (e) {
    if (e instanceof TopologyError) return e.problems;
    throw e;
  }
  return [];
}

describe("topology validation", () => {
  it("the default and the example brownfield topology are valid", () => {
    expect(problems(DEFAULT_TOPOLOGY)).toEqual([]);
    expect(problems(brownfield())).toEqual([]);
  });

  it("an unknown key is an error at its JSON path, at any depth", () => {
    const t = brownfield();
    const vpc = t.accounts[0]?.vpcs[0] ?? {};
    vpc.routeTabels = [];
    t.peerings[0] = { ...t.peerings[0], stauts: "active" };
    t.colour = "blue";
    expect(problems(t)).toEqual(["accounts[0].vpcs[0].routeTabels: unknown key", "peerings[0].stauts: unknown key", "colour: unknown key"]);
  });

  it("references to objects the topology lacks are errors at the referring field", () => {
    const t = brownfield();
    const text = JSON.stringify(t)
      .replace('"vpcPeeringConnectionId":"pcx-0e0e0000000000002","state":"blackhole"', '"vpcPeeringConnectionId":"pcx-0e0e0000000000009"')
      .replace('"referencedGroupId":"222222222222/sg-0bbb0000000000001"', '"referencedGroupId":"sg-0bbb0000000000001"')
      .replace('"transitGatewayAttachmentId":"tgw-attach-0e0e0000000000001"', '"transitGatewayAttachmentId":"tgw-attach-0e0e0000000000009"');
    expect(problems(JSON.parse(text))).toEqual([
      "accounts[0].vpcs[0].routeTables[0].routes[2].vpcPeeringConnectionId: pcx-0e0e0000000000009 is not one of the topology's peerings",
      "accounts[0].vpcs[0].securityGroups[0].ingressRules[0].referencedGroupId: sg-0bbb0000000000001 belongs to 222222222222: write 222222222222/sg-0bbb0000000000001",
      "accounts[2].transitGateways[0].routeTables[1].routes[0].transitGatewayAttachmentId: tgw-attach-0e0e0000000000009 is not an attachment of tgw-0ccc0000000000001",
    ]);
  });

  it("a route's state must be the one its target gives it", () => {
    const text = JSON.stringify(brownfield()).replace('"pcx-0e0e0000000000002","state":"blackhole"', '"pcx-0e0e0000000000002","state":"active"');
    expect(problems(JSON.parse(text))).toEqual([
      "accounts[0].vpcs[0].routeTables[0].routes[2].state: AWS shows this route as blackhole: a route is active while its peering is active or its VPC's TGW attachment is available",
    ]);
  });

  it("the id generator skips an id the topology already gives", () => {
    const t = brownfield();
    const next = newId(seedState(parseTopology(t), 0).counter, "pcx");
    t.peerings.push({ id: next, requesterVpcId: "vpc-0aaa0000000000001", accepterVpcId: "vpc-0ccc0000000000001", status: "deleted" });
    const state = seedState(parseTopology(t), 0);
    expect(state.peerings[next]).toBeDefined();
    expect(newId(state.counter, "pcx")).not.toBe(next);
  });

  it("`npm run sandbox` with a bad SANDBOX_TOPOLOGY exits 1 naming the file and each path", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "topology-")), "bad.json");
    const t = brownfield();
    (t.accounts[0]?.vpcs[0] ?? {}).routeTabels = [];
    writeFileSync(file, JSON.stringify(t));
    const run = promisify(execFile)("npx", ["tsx", "scripts/sandbox.ts"], { env: { ...process.env, SANDBOX_TOPOLOGY: file, SANDBOX_PORT: "0" } });
    const failure = await run.then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain(`sandbox: ${file} is not a valid sandbox topology:\n  accounts[0].vpcs[0].routeTabels: unknown key`);
  }, 30_000);
});
