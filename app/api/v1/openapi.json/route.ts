import { openApiDocument } from "@/lib/api/openapi/document";

// Public on purpose: it describes shapes, never data, and the tools that read it (client generators, API
// browsers) fetch it before anyone has given them a token. Every operation it lists still needs one.
export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(openApiDocument());
}
