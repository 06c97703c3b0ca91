import { z } from "zod";

import { transitionCommentSchema } from "@/lib/domain/validation/comment";

export const transitionBodySchema = z.strictObject({
  comment: transitionCommentSchema.optional().meta({
    description: "Why: required (at least 5 characters) to reject, cancel, roll back or decommission, and kept in the audit; optional when approving or retrying",
  }),
  // Optional optimistic-locking guard for automation: act only if the request is still at this version.
  version: z.number().int().min(0).optional(),
});
