import { describe, expect, it } from "vitest";
import {
  cidrContains,
  cidrsOverlap,
  formatCidr,
  isPrivateCidr,
  normalizeCidrs,
  overlappingPairs,
  parseCidr,
} from "./cidr";

describe("parseCidr", () => {
  it.each([
    ["10.0.0.0/16", "10.0.0.0/16"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["192.168.1.7/32", "192.168.1.7/32"],
    [" 172.16.0.0/12 ", "172.16.0.0/12"],
  ])("accepts %s", (text, formatted) => {
    const r = parseCidr(text);
    expect(r.ok && formatCidr(r.cidr)).toBe(formatted);
  });

  it.each([
    ["10.0.0.0", "syntax"],
    ["10.0.0/16", "syntax"],
    ["10.0.0.256/24", "octet"],
    ["10.0.0.0/33", "prefix"],
    ["abc", "syntax"],
  ])("refuses %s (%s)", (text, reason) => {
    const r = parseCidr(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe(reason);
  });

  it.each([
    ["10.0.0.1/16", "10.0.0.0/16"],
    ["192.168.1.130/25", "192.168.1.128/25"],
    ["10.1.2.3/8", "10.0.0.0/8"],
  ])("refuses %s when it is not the network address and suggests %s", (text, suggestion) => {
    expect(parseCidr(text)).toEqual({ ok: false, reason: "not-network", suggestion });
  });
});

describe("cidrsOverlap / cidrContains", () => {
  it.each([
    ["10.0.0.0/16", "10.0.5.0/24", true, true],
    ["10.0.0.0/16", "10.1.0.0/16", false, false],
    ["10.0.0.0/8", "10.255.255.255/32", true, true],
    ["0.0.0.0/0", "192.168.0.0/16", true, true],
    ["10.0.0.0/24", "10.0.0.0/16", true, false],
    ["10.0.0.0/24", "10.0.1.0/24", false, false],
    ["255.255.255.0/24", "255.255.255.255/32", true, true],
  ])("%s vs %s: overlap=%s, first contains second=%s", (a, b, overlap, contains) => {
    expect(cidrsOverlap(a, b)).toBe(overlap);
    expect(cidrsOverlap(b, a)).toBe(overlap);
    expect(cidrContains(a, b)).toBe(contains);
  });

  it("lists overlapping pairs", () => {
    expect(overlappingPairs(["10.0.0.0/16", "10.9.0.0/16"], ["10.0.128.0/17", "172.16.0.0/12"])).toEqual([
      ["10.0.0.0/16", "10.0.128.0/17"],
    ]);
  });
});

describe("isPrivateCidr", () => {
  it.each([
    ["10.20.0.0/16", true],
    ["172.16.0.0/12", true],
    ["172.31.255.0/24", true],
    ["172.32.0.0/16", false],
    ["192.168.10.0/24", true],
    ["100.64.0.0/10", true],
    ["100.128.0.0/16", false],
    ["8.8.8.0/24", false],
    ["0.0.0.0/0", false],
    ["10.0.0.0/7", false],
  ])("%s -> %s", (cidr, expected) => {
    expect(isPrivateCidr(cidr)).toBe(expected);
  });
});

describe("normalizeCidrs", () => {
  it("sorts, deduplicates and drops CIDRs covered by another", () => {
    expect(normalizeCidrs(["192.168.0.0/16", "10.1.0.0/16", "10.0.0.0/8", "192.168.0.0/16", "9.0.0.0/8"])).toEqual([
      "9.0.0.0/8",
      "10.0.0.0/8",
      "192.168.0.0/16",
    ]);
  });
});
