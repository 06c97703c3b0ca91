import { describe, expect, it } from "vitest";
import { kafkaPortsFor, portsFromBootstrapString } from "./ports";
import type { AuthMode } from "./request-input";

describe("kafkaPortsFor (MSK developer guide: port information)", () => {
  it.each<[AuthMode[], "private" | "public", boolean, number[]]>([
    [["plaintext"], "private", false, [9092]],
    [["tls"], "private", false, [9094]],
    [["scram"], "private", false, [9096]],
    [["iam"], "private", false, [9098]],
    [["iam", "tls", "scram"], "private", false, [9094, 9096, 9098]],
    [["tls"], "public", false, [9194]],
    [["scram"], "public", false, [9196]],
    [["iam"], "public", false, [9198]],
    [["plaintext"], "public", false, []],
    [["iam", "plaintext"], "private", true, [20092, 20098]],
  ])("%j %s ipv6=%s -> %j", (modes, access, ipv6, expected) => {
    expect(kafkaPortsFor(modes, { access, ipv6 })).toEqual(expected);
  });
});

describe("portsFromBootstrapString", () => {
  it.each<[string | null, number[]]>([
    ["b-1-vpce.c.kafka.us-east-1.amazonaws.com:14001,b-2-vpce.c.kafka.us-east-1.amazonaws.com:14002", [14001, 14002]],
    ["b-1.x:9098, b-2.x:9098", [9098]],
    ["b-1.x", []],
    ["b-1.x:99999", []],
    ["", []],
    [null, []],
  ])("%s -> %j", (s, expected) => {
    expect(portsFromBootstrapString(s)).toEqual(expected);
  });
});
