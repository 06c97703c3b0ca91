import { describe, expect, it } from "vitest";
import type { AuthMode } from "../request-input";
import { clientConnection, clientSettingsFor } from "./client-settings";

describe("clientSettingsFor", () => {
  it.each<[AuthMode, string, string | undefined, string | undefined]>([
    ["iam", "SASL_SSL", "AWS_MSK_IAM", "OAUTHBEARER"],
    ["scram", "SASL_SSL", "SCRAM-SHA-512", "SCRAM-SHA-512"],
    ["tls", "SSL", undefined, undefined],
    ["plaintext", "PLAINTEXT", undefined, undefined],
  ])("%s: security.protocol %s, Java mechanism %s, librdkafka mechanism %s", (mode, protocol, javaMech, rdMech) => {
    const s = clientSettingsFor([mode], () => "b-1.x:9098")[mode];
    expect(s?.java["security.protocol"]).toBe(protocol);
    expect(s?.librdkafka["security.protocol"]).toBe(protocol);
    expect(s?.java["sasl.mechanism"]).toBe(javaMech);
    expect(s?.librdkafka["sasl.mechanisms"]).toBe(rdMech);
    expect(s?.java["bootstrap.servers"]).toBe("b-1.x:9098");
  });

  it("leaves a placeholder when the bootstrap string is not known yet", () => {
    const s = clientSettingsFor(["iam"], () => null);
    expect(s.iam?.bootstrap).toBeNull();
    expect(s.iam?.java["bootstrap.servers"]).toBe("${BOOTSTRAP_SERVERS}");
  });

  it("gives settings only for the modes asked for", () => {
    expect(Object.keys(clientSettingsFor(["tls", "iam"], () => null)).sort()).toEqual(["iam", "tls"]);
  });
});

describe("clientConnection", () => {
  const brokers = {
    BootstrapBrokerStringTls: "b-1.x:9094",
    BootstrapBrokerStringSaslIam: "b-1.x:9098",
    BootstrapBrokerStringVpcConnectivitySaslIam: "b-1.x:14001",
  };
  it("heads with the preferred mode whatever order the modes were asked in", () => {
    expect(clientConnection(brokers, ["tls", "iam"], "vpc-peering").bootstrap).toBe("b-1.x:9098");
    expect(clientConnection(brokers, ["iam", "tls"], "vpc-peering").bootstrap).toBe("b-1.x:9098");
  });
  it("gives multi-VPC connectivity's own strings, and none for a scheme it lacks", () => {
    const c = clientConnection(brokers, ["tls", "iam"], "multi-vpc-private-connectivity");
    expect(c.bootstrap).toBe("b-1.x:14001");
    expect(c.clientSettings.tls?.bootstrap).toBeNull();
  });
});
