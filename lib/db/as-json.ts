import type { Prisma } from "./generated/client";

// Plain data (plans, facts, step records) is stored as JSONB; the round trip drops `undefined` fields and
// proves the value is JSON, which Prisma's input type cannot see for interfaces with optional fields.
export function asJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

export function asJsonObject(value: object): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonObject;
}
