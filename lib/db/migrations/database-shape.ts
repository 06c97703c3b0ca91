// A database's shape as flat "what -> how" entries, e.g. `column "User"."email"` -> `{"type":"text",...}`.
// Flat keys make the comparison one loop and every difference one readable line.
export type DatabaseShape = Map<string, string>;

export type ColumnShape = { type: string; notNull: boolean; default: string | null };
export type IndexShape = {
  columns: string[];
  unique: boolean;
  primary: boolean;
  method: string;
  predicate: string | null;
};
export type ForeignKeyShape = {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
};

export const shapeKey = {
  enum: (name: string) => `enum "${name}"`,
  table: (table: string) => `table "${table}"`,
  column: (table: string, column: string) => `column "${table}"."${column}"`,
  index: (table: string, name: string) => `index "${table}"."${name}"`,
  foreignKey: (table: string, name: string) => `foreign key "${table}"."${name}"`,
  sequence: (name: string) => `sequence "${name}"`,
};

export function diffShapes(expected: DatabaseShape, actual: DatabaseShape): string[] {
  const keys = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  return keys.flatMap((key) => {
    const want = expected.get(key);
    const have = actual.get(key);
    if (want === have) return [];
    if (have === undefined) return [`${key} is in schema.prisma but not in the database: ${want}`];
    if (want === undefined) return [`${key} is in the database but not in schema.prisma: ${have}`];
    return [`${key} differs: schema.prisma says ${want}, the database has ${have}`];
  });
}
