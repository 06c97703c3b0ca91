import { z } from "zod";

import { readJsonColumn } from "@/lib/domain/json/read-json-column";

/**
 * What the catalog keeps in Cluster.facts beside its columns: where the row came from and, for a listed
 * cluster, its broker type and bootstrap strings. Planning reads the network afresh from AWS, never from here.
 */
export const catalogFactsSchema = z.object({
  source: z.enum(["ListClustersV2", "seed"]),
  instanceType: z.string().optional(),
  bootstrap: z.record(z.string(), z.string()).optional(),
});
export type CatalogFacts = z.infer<typeof catalogFactsSchema>;

// Writing through the schema keeps a refresh from storing what the reader would refuse.
export function catalogFactsJson(facts: CatalogFacts): CatalogFacts {
  return catalogFactsSchema.parse(facts);
}

export function readCatalogFacts(cluster: { id: string; facts: unknown }): CatalogFacts {
  return readJsonColumn(catalogFactsSchema, cluster.facts, { table: "Cluster", column: "facts", id: cluster.id });
}
