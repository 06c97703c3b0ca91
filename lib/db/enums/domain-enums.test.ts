import { beforeAll, describe, expect, it } from "vitest";

import { CONNECTION_METHODS, PREFERRED_METHODS, STEP_KINDS } from "@/lib/domain/plan/plan-types";
import { SCENARIOS } from "@/lib/domain/scenario";

import { readDatamodel } from "../migrations/read-datamodel";
import { connectionMethodColumn, preferredMethodColumn, scenarioColumn, stepKindColumn } from "./domain-enums";
import { enumColumn } from "./enum-column";

// The database stores exactly the domain's strings, so a value added to the domain without a schema change
// and a migration fails here (and the schema-matches-migrations test fails if the migration is missing).
describe("the enum columns hold the domain's closed sets", () => {
  let datamodel: Awaited<ReturnType<typeof readDatamodel>>;
  beforeAll(async () => {
    datamodel = await readDatamodel();
  });

  it.each([
    ["Scenario", SCENARIOS],
    ["PreferredMethod", PREFERRED_METHODS],
    ["StepKind", STEP_KINDS],
    ["ConnectionMethod", CONNECTION_METHODS],
  ] as const)("the database labels of %s are the domain's values", (name, domainValues) => {
    const stored = datamodel.enums.find((e) => e.name === name)?.values.map((v) => v.dbName ?? v.name);
    expect(stored).toEqual([...domainValues]);
  });

  it("translates every domain value to its member and back", () => {
    expect(SCENARIOS.map(scenarioColumn.toDb)).toContain("same_vpc");
    expect(SCENARIOS.map(scenarioColumn.toDb).map(scenarioColumn.fromDb)).toEqual([...SCENARIOS]);
    expect(PREFERRED_METHODS.map(preferredMethodColumn.toDb).map(preferredMethodColumn.fromDb)).toEqual([...PREFERRED_METHODS]);
    expect(STEP_KINDS.map(stepKindColumn.toDb).map(stepKindColumn.fromDb)).toEqual([...STEP_KINDS]);
    expect(CONNECTION_METHODS.map(connectionMethodColumn.toDb).map(connectionMethodColumn.fromDb)).toEqual([...CONNECTION_METHODS]);
  });

  it("refuses a domain value the schema has no member for, and a member the domain does not know", () => {
    expect(() => enumColumn("Scenario", ["same-vpc", "new-kind"], { same_vpc: "same_vpc" })).toThrow(/enum Scenario has no member for "new-kind"/);
    expect(() => enumColumn("Scenario", ["same-vpc"], { same_vpc: "same_vpc", saas: "saas" })).toThrow(/members the domain does not know: saas/);
  });
});
