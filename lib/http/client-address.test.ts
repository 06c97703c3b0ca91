import { describe, expect, it } from "vitest";

import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it.each<[string, string | null, number, string]>([
    ["no proxy: the address Next's server recorded", "203.0.113.7", 0, "203.0.113.7"],
    ["no proxy: a forged list is not believed", "198.51.100.1, 203.0.113.7", 0, "unknown"],
    ["no header at all", null, 0, "unknown"],
    ["one proxy: the entry it appended", "198.51.100.1, 203.0.113.7", 1, "203.0.113.7"],
    ["one proxy: entries the client wrote are ignored", "10.0.0.1, 198.51.100.1, 203.0.113.7", 1, "203.0.113.7"],
    ["two proxies: the address the outer one saw", "198.51.100.1, 203.0.113.7, 10.0.0.5", 2, "203.0.113.7"],
    ["more hops configured than entries: the leftmost", "203.0.113.7", 3, "203.0.113.7"],
    ["IPv6", "2001:db8::1", 1, "2001:db8::1"],
    ["an IPv4 client of a dual-stack server", "::ffff:127.0.0.1", 0, "127.0.0.1"],
  ])("%s", (_name, header, hops, expected) => {
    const headers = new Headers(header === null ? {} : { "x-forwarded-for": header });
    expect(clientAddress(headers, hops)).toBe(expected);
  });
});
