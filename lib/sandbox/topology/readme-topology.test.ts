import { readFileSync } from "node:fs";
import { join } from "node:path";

import { expect, it } from "vitest";

import { DEFAULT_TOPOLOGY } from "./default-topology";

const README = join(import.meta.dirname, "..", "..", "..", "README.md");
const ID = /\b(?:vpc|subnet|rtb|sg|tgw|tgw-rtb|tgw-attach)-[0-9a-f]{17}\b/g;

function readmeTable(): string {
  const text = readFileSync(README, "utf8");
  const start = text.indexOf("| account | resource | demonstrates |");
  return text.slice(start, text.indexOf("\n\n", start));
}

function topologyIds(): string[] {
  return DEFAULT_TOPOLOGY.accounts.flatMap((account) => [
    ...(account.vpcs ?? []).flatMap((vpc) => [
      vpc.id,
      ...vpc.subnets.map((s) => s.id),
      ...vpc.routeTables.map((r) => r.id),
      ...vpc.securityGroups.map((g) => g.id),
    ]),
    ...(account.transitGateways ?? []).flatMap((tgw) => [
      tgw.id,
      ...tgw.routeTables.map((r) => r.id),
      ...(tgw.directConnectGatewayAttachments ?? []).map((a) => a.id),
    ]),
  ]);
}

// People copy ids from this table into the request form: each one must be whole and real, and none missing.
it("the README's sandbox table names every VPC, subnet, route table, security group and TGW id in full", () => {
  const listed = new Set(readmeTable().match(ID));
  expect([...listed].sort()).toEqual([...new Set(topologyIds())].sort());
  expect(readmeTable()).not.toContain("…");
});

it("the README's sandbox table names every account with its registered Regions and the portal's own account", () => {
  const table = readmeTable();
  expect(table).toContain(`${DEFAULT_TOPOLOGY.portalAccountId} (the portal's own)`);
  for (const account of DEFAULT_TOPOLOGY.accounts) expect(table).toContain(`${account.id} ${account.name}`);
});
