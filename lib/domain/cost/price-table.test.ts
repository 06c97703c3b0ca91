import { describe, expect, it } from "vitest";

import { priceFor } from "./price-lookup";
import { PRICE_KINDS, PRICE_TABLE, PRICED_REGIONS, priceEntrySchema } from "./price-table";

describe("the price table", () => {
  it("gives every figure an AWS source, the day it was checked, and whether it was confirmed", () => {
    for (const entry of PRICE_TABLE) expect(priceEntrySchema.safeParse(entry).error?.issues ?? [], `${entry.kind} ${entry.region}`).toEqual([]);
  });

  it("covers every kind in each listed Region and in a fallback (or with one rule for all Regions)", () => {
    for (const kind of PRICE_KINDS) {
      const regions = PRICE_TABLE.filter((e) => e.kind === kind).map((e) => e.region);
      if (regions.includes("all")) {
        expect(regions, kind).toEqual(["all"]);
        continue;
      }
      expect([...regions].sort(), kind).toEqual([...PRICED_REGIONS, "fallback"].sort());
    }
  });

  it("never marks a price without a figure as confirmed, and says why each is unconfirmed", () => {
    const unconfirmed = PRICE_TABLE.filter((e) => !e.confirmed);
    expect(unconfirmed.length).toBeGreaterThan(0);
    for (const e of unconfirmed) expect(e.note.length).toBeGreaterThan(20);
    expect(PRICE_TABLE.filter((e) => e.usd === null).every((e) => !e.confirmed)).toBe(true);
    expect(priceEntrySchema.safeParse({ ...PRICE_TABLE[0], usd: null, confirmed: true }).success).toBe(false);
    expect(priceEntrySchema.safeParse({ ...PRICE_TABLE[0], source: "https://example.com/prices" }).success).toBe(false);
  });

  it("looks a Region up in its own row, else in the fallback row", () => {
    expect(priceFor("tgw-attachment-hour", "eu-central-1")).toMatchObject({ region: "eu-central-1", fallback: false });
    expect(priceFor("tgw-attachment-hour", "sa-east-1")).toMatchObject({ region: "fallback", fallback: true });
    expect(priceFor("peering-same-az-gb", "sa-east-1")).toMatchObject({ region: "all", fallback: false, usd: 0, confirmed: true });
  });
});
