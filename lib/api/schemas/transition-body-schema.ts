import { z } from "zod";

import { transitionCommentSchema } from "@/lib/domain/validation/comment";

export const transitionBodySchema = z.strictObject({
  comment: transitionCommentSchema.optional(),
  // Optional optimistic-locking guard for automation: act only if the request is still at this version.
  version: z.number().int().min(0).optional(),
});
