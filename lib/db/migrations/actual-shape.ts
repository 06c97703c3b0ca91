import type { ClientBase } from "pg";

import {
  shapeKey,
  type ColumnShape,
  type DatabaseShape,
  type ForeignKeyShape,
  type IndexShape,
} from "./database-shape";

// The runner's own bookkeeping table is not part of the data model.
const ignoredTables = new Set(["_prisma_migrations"]);

const referentialActions: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

const otherConstraintKinds: Record<string, string> = { c: "check", u: "unique", x: "exclusion", t: "trigger" };

// Reads from pg_catalog rather than information_schema because only the catalog has index column order,
// index methods and enum order.
export async function readDatabaseShape(client: ClientBase): Promise<DatabaseShape> {
  const shape: DatabaseShape = new Map();
  const inSchema = "n.nspname = current_schema()";

  const enums = await client.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS "name", array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS "values"
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE ${inSchema} GROUP BY t.typname`,
  );
  for (const row of enums.rows) shape.set(shapeKey.enum(row.name), JSON.stringify(row.values));

  // Every relation, so that views, sequences or tables nobody declared also show up as differences.
  const relations = await client.query<{ name: string; kind: string }>(
    `SELECT c.relname AS "name", c.relkind AS "kind" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${inSchema} AND c.relkind <> 'i'`,
  );
  for (const row of relations.rows) {
    if (ignoredTables.has(row.name)) continue;
    if (row.kind === "r" || row.kind === "p") shape.set(shapeKey.table(row.name), "exists");
    else if (row.kind === "S") shape.set(shapeKey.sequence(row.name), "exists");
    else shape.set(`relation "${row.name}"`, `relkind ${row.kind}`);
  }

  const columns = await client.query<{
    table: string;
    column: string;
    type: string;
    not_null: boolean;
    default: string | null;
  }>(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type",
            a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS "default"
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE ${inSchema} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  for (const row of columns.rows) {
    if (ignoredTables.has(row.table)) continue;
    const column: ColumnShape = { type: row.type, notNull: row.not_null, default: row.default };
    shape.set(shapeKey.column(row.table, row.column), JSON.stringify(column));
  }

  const indexes = await client.query<{
    table: string;
    name: string;
    columns: string[];
    unique: boolean;
    primary: boolean;
    method: string;
    predicate: string | null;
  }>(
    `SELECT t.relname AS "table", i.relname AS "name", x.indisunique AS "unique", x.indisprimary AS "primary",
            am.amname AS "method", pg_get_expr(x.indpred, x.indrelid) AS "predicate",
            ARRAY(
              SELECT CASE WHEN k.attnum = 0 THEN '(expression)' ELSE a.attname END
                     || CASE WHEN (x.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END
                FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
               ORDER BY k.ord
            )::text[] AS "columns"
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
      WHERE ${inSchema}`,
  );
  for (const row of indexes.rows) {
    if (ignoredTables.has(row.table)) continue;
    const index: IndexShape = {
      columns: row.columns,
      unique: row.unique,
      primary: row.primary,
      method: row.method,
      predicate: row.predicate,
    };
    shape.set(shapeKey.index(row.table, row.name), JSON.stringify(index));
  }

  const constraints = await client.query<{
    table: string;
    name: string;
    kind: string;
    columns: string[];
    referenced_table: string | null;
    referenced_columns: string[] | null;
    on_delete: string;
    on_update: string;
  }>(
    `SELECT t.relname AS "table", co.conname AS "name", co.contype AS "kind", rt.relname AS referenced_table,
            ARRAY(SELECT a.attname FROM unnest(co.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS "columns",
            ARRAY(SELECT a.attname FROM unnest(co.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS referenced_columns,
            co.confdeltype AS on_delete, co.confupdtype AS on_update
       FROM pg_constraint co
       JOIN pg_class t ON t.oid = co.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       LEFT JOIN pg_class rt ON rt.oid = co.confrelid
      WHERE ${inSchema} AND co.contype <> 'p'`,
  );
  for (const row of constraints.rows) {
    if (ignoredTables.has(row.table)) continue;
    if (row.kind !== "f") {
      // Prisma makes @unique a unique index, never a constraint, and has no check constraints.
      shape.set(`constraint "${row.table}"."${row.name}"`, otherConstraintKinds[row.kind] ?? row.kind);
      continue;
    }
    const foreignKey: ForeignKeyShape = {
      columns: row.columns,
      referencedTable: row.referenced_table ?? "",
      referencedColumns: row.referenced_columns ?? [],
      onDelete: referentialActions[row.on_delete] ?? row.on_delete,
      onUpdate: referentialActions[row.on_update] ?? row.on_update,
    };
    shape.set(shapeKey.foreignKey(row.table, row.name), JSON.stringify(foreignKey));
  }

  return shape;
}
