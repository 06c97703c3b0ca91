import type { Role } from "../roles";

export type AdminChange = { targetUserId: string; roles?: readonly Role[]; deactivate?: boolean };

/**
 * The portal must keep one active administrator, or nobody could manage people or the platform again.
 * `activeAdminIds` are the active administrators now; the answer is why the change is refused, or null.
 */
export function lastAdminRefusal(activeAdminIds: readonly string[], change: AdminChange, actorId: string): string | null {
  if (!activeAdminIds.includes(change.targetUserId)) return null;
  const losesAdmin = change.deactivate === true || (change.roles !== undefined && !change.roles.includes("admin"));
  if (!losesAdmin || activeAdminIds.length > 1) return null;
  const self = change.targetUserId === actorId;
  if (change.deactivate) {
    return self ? "You are the only active administrator: make someone else an administrator before deactivating yourself." : "This is the only active administrator.";
  }
  return self
    ? "You are the only active administrator: make someone else an administrator before giving up the role."
    : "This is the only active administrator: the portal needs at least one.";
}
