import type { Cluster } from "@aws-sdk/client-kafka";
import { describe, expect, it } from "vitest";
import { propertyOf } from "./cluster-configuration";
import { authModesOf, unauthenticatedOf } from "./cluster-settings";

describe("propertyOf (server.properties)", () => {
  it.each([
    ["allow.everyone.if.no.acl.found=false\n", "false"],
    ["allow.everyone.if.no.acl.found = false\r\n", "false"],
    ["allow.everyone.if.no.acl.found: FALSE", "FALSE"],
    ["#allow.everyone.if.no.acl.found=false\n", null],
    ["allow.everyone.if.no.acl.found=false\nallow.everyone.if.no.acl.found=true\n", "true"],
    ["auto.create.topics.enable=false\n", null],
  ])("%j -> %j", (text, value) => {
    expect(propertyOf(text, "allow.everyone.if.no.acl.found")).toBe(value);
  });
});

describe("unauthenticatedOf", () => {
  it("reads unauthenticated access on a TLS-only cluster, where it offers no plaintext mode", () => {
    const cluster: Cluster = {
      Provisioned: {
        BrokerNodeGroupInfo: undefined,
        NumberOfBrokerNodes: 3,
        ClientAuthentication: { Sasl: { Iam: { Enabled: true } }, Unauthenticated: { Enabled: true } },
        EncryptionInfo: { EncryptionInTransit: { ClientBroker: "TLS" } },
      },
    };
    expect(authModesOf(cluster)).toEqual(["iam"]);
    expect(unauthenticatedOf(cluster)).toBe(true);
  });
});
