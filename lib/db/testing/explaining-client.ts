import { Prisma } from "../generated/client";
import type { PrismaClient } from "../prisma-factory";

export type Plan = { sql: string; nodes: { type: string; relation?: string; index?: string }[] };

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
const flatten = (node: PlanNode): Plan["nodes"] => [
  { type: node["Node Type"], relation: node["Relation Name"], index: node["Index Name"] },
  ...(node.Plans ?? []).flatMap(flatten),
];

/**
 * A client whose raw queries are EXPLAINed instead of run (each answers no rows); everything else is the real
 * client. Production query code runs unchanged through it, so the plans tested are those of the queries it sends.
 */
export function explainingClient(prisma: PrismaClient): { client: PrismaClient; plans: Plan[] } {
  const plans: Plan[] = [];
  const explain = async (first: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const query = first instanceof Prisma.Sql ? first : Prisma.sql(first, ...values);
    const rows = await prisma.$queryRaw<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`);
    const root = rows[0]?.["QUERY PLAN"][0]?.Plan;
    if (root) plans.push({ sql: query.sql, nodes: flatten(root) });
    return [];
  };
  const client = new Proxy(prisma, {
    get: (target, key, receiver): unknown => (key === "$queryRaw" ? explain : Reflect.get(target, key, receiver)),
  });
  return { client, plans };
}
