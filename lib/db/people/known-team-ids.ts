import { ExpectedError } from "@/lib/errors/expected-error";

import type { Prisma } from "../generated/client";

/** The asked-for team ids, each checked to exist; an unknown one is an error at the form's teams field. */
export async function knownTeamIds(tx: Prisma.TransactionClient, teamIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(teamIds)];
  const found = await tx.team.findMany({ where: { id: { in: unique } }, select: { id: true } });
  if (found.length !== unique.length) {
    throw new ExpectedError("bad-request", "Some fields need attention.", { teamIds: ["Unknown team: choose teams from the list"] });
  }
  return unique;
}
