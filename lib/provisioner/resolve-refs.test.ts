import { describe, expect, it } from "vitest";

import { resolveRefs } from "./resolve-refs";

describe("resolveRefs", () => {
  const outputs = new Map([["create-peering:10.20.0.0/16", { VpcPeeringConnectionId: "pcx-1" }]]);

  it("replaces references deep in an input, splitting at the last dot so keys may hold CIDRs", () => {
    const input = { Route: { VpcPeeringConnectionId: { $ref: "create-peering:10.20.0.0/16.VpcPeeringConnectionId" } }, list: [{ $ref: "create-peering:10.20.0.0/16.VpcPeeringConnectionId" }] };
    expect(resolveRefs(input, outputs)).toEqual({ Route: { VpcPeeringConnectionId: "pcx-1" }, list: ["pcx-1"] });
  });

  it("leaves cluster references for the executor", () => {
    expect(resolveRefs({ CurrentVersion: { $ref: "cluster.CurrentVersion" } }, outputs)).toEqual({ CurrentVersion: { $ref: "cluster.CurrentVersion" } });
  });

  it("refuses a reference to an output that does not exist yet", () => {
    expect(() => resolveRefs({ x: { $ref: "accept.Nope" } }, outputs)).toThrow('step "accept" has not produced "Nope" yet');
  });
});
