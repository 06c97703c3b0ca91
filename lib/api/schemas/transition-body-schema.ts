import { z } from "zod";

export const transitionBodySchema = z.object({
  comment: z.string().trim().max(2000, "Keep the comment under 2000 characters").optional(),
  // Optional optimistic-locking guard for automation: act only if the request is still at this version.
  version: z.number().int().min(0).optional(),
});
