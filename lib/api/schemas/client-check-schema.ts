import { z } from "zod";

/** What POST /api/v1/client-checks/report answers once the report is stored. */
export const clientCheckRecordedJsonSchema = z.object({
  requestNumber: z.number().int(),
  summary: z.string().meta({ description: "\"2 of 3 broker addresses reached (1 failed)\": the line the request's page and audit show" }),
});
