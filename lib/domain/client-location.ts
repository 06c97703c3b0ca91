import { clientLocationSchema, topicAccessSchema, type ClientLocation, type TopicAccessInput } from "./request-input";

// Requests store the client location as JSON; reading it back through the schema keeps every reader honest
// about its shape.
export function readClientLocation(value: unknown): ClientLocation | null {
  const parsed = clientLocationSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The stored topic access, through the schema; undefined when none was asked for (or it cannot be read). */
export function readTopicAccess(value: unknown): TopicAccessInput | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = topicAccessSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
