import "server-only";

import type { PortalUser } from "@/lib/auth/current-user";
import { actorOf } from "@/lib/auth/current-user";
import { loadExtensions } from "@/lib/db/expiry/load-extensions";
import type { RequestStatus } from "@/lib/domain/lifecycle";
import { may, type ExtensionFacts } from "@/lib/domain/permissions";

type Request = { id: string; requesterId: string; teamId: string; status: RequestStatus; endsAt: Date | null };

// What the request page's end-date card shows this viewer: the controls appear exactly when the permission
// module would accept the action.
export async function loadRequestExpiry(user: PortalUser, request: Request) {
  const extensions = await loadExtensions(request.id);
  const pending = extensions.find((e) => e.status === "PENDING") ?? null;
  const facts: ExtensionFacts = { ...request, pendingExtension: pending ? { requestedById: pending.requestedById, approvalState: pending.approvalState } : null };
  const decide = may(actorOf(user), "extension.decide", facts);
  const approve = may(actorOf(user), "extension.approve", facts);
  return {
    endsAt: request.endsAt,
    extensions,
    pending,
    mayAsk: may(actorOf(user), "extension.request", facts).ok,
    mayDecide: decide.ok,
    approveRefusal: decide.ok && !approve.ok ? approve.reason : null,
    decidedByAnother: !decide.ok && decide.code === "separation-of-duties",
  };
}

export type RequestExpiryView = Awaited<ReturnType<typeof loadRequestExpiry>>;
