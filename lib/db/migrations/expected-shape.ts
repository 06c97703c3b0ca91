import type { Datamodel, DatamodelField } from "./read-datamodel";
import {
  shapeKey,
  type ColumnShape,
  type DatabaseShape,
  type ForeignKeyShape,
  type IndexShape,
} from "./database-shape";

type Model = Datamodel["models"][number];

// Column types as PostgreSQL's format_type() prints them for what Prisma creates by default.
const scalarTypes: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const referentialActions: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

// The comparison must never pass by silently ignoring a schema feature it does not understand.
function unsupported(what: string): never {
  throw new Error(`The schema comparison does not handle ${what} yet; extend lib/db/migrations/expected-shape.ts`);
}

// Mirrors quote_ident(): PostgreSQL prints mixed-case names in double quotes.
function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function tableName(model: Model): string {
  if (model.schema) unsupported(`multi-schema model ${model.name}`);
  return model.dbName ?? model.name;
}

function columnName(model: Model, fieldName: string): string {
  const field = model.fields.find((candidate) => candidate.name === fieldName);
  if (!field) throw new Error(`Model ${model.name} has no field ${fieldName}`);
  return field.dbName ?? field.name;
}

function columnType(field: DatamodelField, enumTypes: Map<string, string>): string {
  let base: string | undefined;
  if (field.nativeType) unsupported(`native type @db.${field.nativeType[0]} on ${field.name}`);
  if (field.kind === "enum") base = quoteIdent(enumTypes.get(field.type) ?? field.type);
  else if (field.kind === "scalar") base = scalarTypes[field.type];
  if (!base) unsupported(`the type ${field.type} of ${field.name}`);
  return field.isList ? `${base}[]` : base;
}

// What pg_get_expr() prints for the default Prisma's migration creates; null where Prisma fills the
// value in the client (cuid(), uuid(), @updatedAt).
function columnDefault(field: DatamodelField, table: string, column: string, type: string): string | null {
  const value = field.default;
  if (value === undefined) return null;
  if (typeof value === "object" && !Array.isArray(value)) {
    if (value.name === "now") return "CURRENT_TIMESTAMP";
    if (value.name === "autoincrement") return `nextval('${quoteIdent(`${table}_${column}_seq`)}'::regclass)`;
    if (["cuid", "uuid", "nanoid", "ulid"].includes(value.name)) return null;
    if (value.name === "dbgenerated" && typeof value.args[0] === "string") return value.args[0];
    return unsupported(`the default ${value.name}() on ${field.name}`);
  }
  if (field.isList || Array.isArray(value)) return unsupported(`the list default on ${field.name}`);
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return value < 0 ? `${sqlString(String(value))}::${type}` : String(value);
  if (field.kind === "enum" || ["String", "Json"].includes(field.type)) return `${sqlString(value)}::${type}`;
  return unsupported(`the default "${value}" on ${field.type} field ${field.name}`);
}

function defaultConstraintName(table: string, columns: string[], suffix: string): string {
  const name = suffix === "pkey" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`;
  // Prisma shortens long names its own way; PostgreSQL would truncate at 63 bytes.
  if (Buffer.byteLength(name) > 63) unsupported(`the over-long constraint name ${name}`);
  return name;
}

export function expectedShape(datamodel: Datamodel): DatabaseShape {
  const shape: DatabaseShape = new Map();
  const enumTypes = new Map(datamodel.enums.map((item) => [item.name, item.dbName ?? item.name]));
  const models = new Map(datamodel.models.map((model) => [model.name, model]));

  for (const item of datamodel.enums) {
    shape.set(shapeKey.enum(item.dbName ?? item.name), JSON.stringify(item.values.map((v) => v.dbName ?? v.name)));
  }

  for (const model of datamodel.models) {
    const table = tableName(model);
    shape.set(shapeKey.table(table), "exists");

    for (const field of model.fields) {
      if (field.kind === "object") continue;
      if (field.kind === "unsupported") unsupported(`Unsupported("${field.type}") on ${field.name}`);
      const column = field.dbName ?? field.name;
      const type = columnType(field, enumTypes);
      const shapeOfColumn: ColumnShape = {
        type,
        // Prisma creates scalar lists as nullable arrays, whatever the field says.
        notNull: field.isRequired && !field.isList,
        default: columnDefault(field, table, column, type),
      };
      shape.set(shapeKey.column(table, column), JSON.stringify(shapeOfColumn));
      if (
        typeof field.default === "object" &&
        !Array.isArray(field.default) &&
        field.default.name === "autoincrement"
      ) {
        shape.set(shapeKey.sequence(`${table}_${column}_seq`), "exists");
      }
    }

    for (const index of datamodel.indexes.filter((candidate) => candidate.model === model.name)) {
      if (index.type === "fulltext") unsupported(`the fulltext index on ${model.name}`);
      const columns = index.fields.map((part) => {
        if (part.length) unsupported(`an index length on ${model.name}.${part.name}`);
        return `${columnName(model, part.name)}${part.sortOrder === "desc" ? " DESC" : ""}`;
      });
      const plainColumns = index.fields.map((part) => columnName(model, part.name));
      const suffix = { id: "pkey", unique: "key", normal: "idx" }[index.type];
      const shapeOfIndex: IndexShape = {
        columns,
        unique: index.type !== "normal",
        primary: index.type === "id",
        method: (index.algorithm ?? "BTree").toLowerCase(),
        predicate: null,
      };
      const name = index.dbName ?? defaultConstraintName(table, plainColumns, suffix);
      shape.set(shapeKey.index(table, name), JSON.stringify(shapeOfIndex));
    }

    for (const field of model.fields) {
      const from = field.relationFromFields ?? [];
      if (field.kind !== "object" || from.length === 0) continue;
      const target = models.get(field.type);
      if (!target) throw new Error(`Relation ${model.name}.${field.name} points at unknown model ${field.type}`);
      const columns = from.map((name) => columnName(model, name));
      // Prisma's defaults when the schema names no action: Restrict for a required relation, SetNull for an optional one.
      const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      const shapeOfKey: ForeignKeyShape = {
        columns,
        referencedTable: tableName(target),
        referencedColumns: (field.relationToFields ?? []).map((name) => columnName(target, name)),
        onDelete: referentialActions[onDelete] ?? unsupported(`onDelete: ${onDelete}`),
        onUpdate: referentialActions[onUpdate] ?? unsupported(`onUpdate: ${onUpdate}`),
      };
      shape.set(shapeKey.foreignKey(table, defaultConstraintName(table, columns, "fkey")), JSON.stringify(shapeOfKey));
    }
  }
  return shape;
}
