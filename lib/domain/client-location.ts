import { clientLocationSchema, type ClientLocation } from "./request-input";

// Requests store the client location as JSON; reading it back through the schema keeps every reader honest
// about its shape.
export function readClientLocation(value: unknown): ClientLocation | null {
  const parsed = clientLocationSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
