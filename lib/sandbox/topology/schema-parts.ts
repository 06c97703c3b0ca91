import { z } from "zod";

/** Field types every part of the topology format shares. */
export const accountId = z.string().regex(/^\d{12}$/, "an AWS account id is 12 digits");
export const cidr = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, "an IPv4 CIDR like 10.0.0.0/16");
export const tags = z.record(z.string(), z.string()).default({});
export const id = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}-[0-9a-f]{8,17}$`), `an id like ${prefix}-0123456789abcdef0`);
export const enableDisable = z.enum(["enable", "disable"]);
