import { describe, expect, it } from "vitest";

import { DEMO_CLUSTERS } from "@/prisma/seed/demo-data";

import { catalogFactsJson, readCatalogFacts } from "./catalog-facts";

describe("Cluster.facts", () => {
  it("reads what a catalog refresh writes", () => {
    const facts = catalogFactsJson({ source: "ListClustersV2", instanceType: "kafka.m5.large", bootstrap: { BootstrapBrokerStringSaslIam: "b-1:9098" } });
    expect(readCatalogFacts({ id: "c1", facts })).toEqual(facts);
  });

  it("reads the seeded clusters", () => {
    for (const cluster of DEMO_CLUSTERS) expect(readCatalogFacts({ id: cluster.name, facts: cluster.facts }).source).toBe("seed");
  });

  it("refuses facts that do not read, naming the row and the path", () => {
    expect(() => readCatalogFacts({ id: "c1", facts: { source: "ListClustersV2", instanceType: 3 } })).toThrow(
      /^Cluster\.facts of row c1 cannot be read: instanceType: /,
    );
  });
});
