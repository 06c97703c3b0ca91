import type { World } from "../state/world";

/**
 * Keys the sandbox issued through AssumeRole act as the role's account; any other key acts as
 * the portal's own account, the way the portal's instance role would in production.
 */
export function resolveAccount(world: World, accessKeyId: string, now: number): { accountId: string; expired: boolean } {
  const session = world.state.sessions[accessKeyId];
  if (!session) return { accountId: world.topology.portalAccountId, expired: false };
  return { accountId: session.accountId, expired: now >= session.expiresAt };
}
