import type { PrismaClient } from "@/lib/db/prisma-factory";
import type { Role } from "@/lib/domain/roles";

export type DemoPerson = { id: string; email: string; name: string; roles: Role[]; teamIds: string[] };

/** The seeded demo users by the name before the @ (alice, bob, …). */
export async function loadDemoPeople(prisma: PrismaClient): Promise<(name: string) => DemoPerson> {
  const users = await prisma.user.findMany({ include: { memberships: true } });
  const people = new Map(
    users.map((u) => [
      u.email.split("@")[0] ?? u.email,
      { id: u.id, email: u.email, name: u.name, roles: u.roles, teamIds: u.memberships.map((m) => m.teamId) },
    ]),
  );
  return (name) => {
    const person = people.get(name);
    if (!person) throw new Error(`no demo user ${name}`);
    return person;
  };
}
