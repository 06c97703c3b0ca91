import { z } from "zod";

import { clientLocationSchema } from "@/lib/domain/request-input";

/** Every refusal and failure of the API has this body. */
export const errorJsonSchema = z.object({
  error: z.enum(["bad-request", "unauthenticated", "forbidden", "not-found", "conflict", "payload-too-large", "too-many-requests", "internal"]),
  message: z.string().meta({ description: "A sentence a person may read" }),
  fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Field path (dotted) to its messages; \"\" is the whole body" }),
});

export const isoDateTime = z.iso.datetime();

export const pagingJson = { page: z.number().int().min(1), pages: z.number().int().min(1), total: z.number().int().min(0) };

// A stored client location is validated with the same schema when it is filed; older rows may predate a rule,
// so the API documents the shape and passes what is stored.
export const clientJsonSchema = clientLocationSchema;
