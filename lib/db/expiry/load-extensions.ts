import "server-only";

import { db } from "../client";

/** A request's extensions, newest first, with who asked and who decided, for its page. */
export function loadExtensions(requestId: string) {
  return db().requestExtension.findMany({
    where: { requestId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      fromEndsAt: true,
      toEndsAt: true,
      reason: true,
      status: true,
      decisionComment: true,
      decidedAt: true,
      createdAt: true,
      requestedById: true,
      requestedBy: { select: { email: true } },
      decidedBy: { select: { email: true } },
    },
  });
}

export type ExtensionRow = Awaited<ReturnType<typeof loadExtensions>>[number];
