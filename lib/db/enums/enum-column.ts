/**
 * Prisma names enum members with identifiers, so the domain's `same-vpc` is the member `same_vpc`, stored as
 * `same-vpc` through @map. The domain, the plans and the API speak the hyphenated strings; this translates at
 * the database boundary, and refuses at load time a domain value the schema has no member for.
 */
export type EnumColumn<D extends string, M extends string> = { toDb: (value: D) => M; fromDb: (member: M) => D };

export function enumColumn<D extends string, M extends string>(
  name: string,
  domainValues: readonly D[],
  members: Readonly<Record<string, M>>,
): EnumColumn<D, M> {
  const toDb = new Map<D, M>();
  const fromDb = new Map<M, D>();
  for (const value of domainValues) {
    const member = members[value.replaceAll("-", "_")];
    if (member === undefined) throw new Error(`schema.prisma's enum ${name} has no member for "${value}": add it with a migration`);
    toDb.set(value, member);
    fromDb.set(member, value);
  }
  const missing = Object.values(members).filter((member) => !fromDb.has(member));
  if (missing.length) throw new Error(`schema.prisma's enum ${name} has members the domain does not know: ${missing.join(", ")}`);
  return {
    toDb: (value) => lookUp(toDb, value, name),
    fromDb: (member) => lookUp(fromDb, member, name),
  };
}

// Unreachable for well-typed callers; a value that slips past the types still fails with its enum named.
function lookUp<K, V>(map: Map<K, V>, key: K, name: string): V {
  const found = map.get(key);
  if (found === undefined) throw new Error(`${String(key)} is not a value of the enum ${name}`);
  return found;
}
