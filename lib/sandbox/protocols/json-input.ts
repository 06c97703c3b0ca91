import { z } from "zod";
import { awsError } from "../core/aws-error";

/** Parses a REST-JSON body with a zod schema; mistakes become the service's validation error. */
export function parseJsonBody<T extends z.ZodType>(schema: T, body: string, errorCode: string): z.output<T> {
  let raw: unknown = {};
  if (body.trim() !== "") {
    try {
      raw = JSON.parse(body);
    } catch {
      throw awsError(errorCode, "The request body is not valid JSON");
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    throw awsError(errorCode, `Invalid value for ${where}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
