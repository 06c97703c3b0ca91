import { z } from "zod";
import { cidr } from "./schema-parts";

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "a UUID, as Direct Connect ids are");

/**
 * A Direct Connect gateway, listed under the account that owns it, and its associations with transit
 * gateways (which may be another account's). `allowedPrefixes` are what AWS advertises to on-premises
 * over the transit VIF (Direct Connect guide, allowed-to-prefixes); what on-premises advertises back is
 * the TGW's DX gateway attachment's `advertisedPrefixes`.
 */
export const directConnectGatewaySchema = z.strictObject({
  id: uuid,
  name: z.string().default("dx-gateway"),
  amazonSideAsn: z.number().int().default(64512),
  associations: z
    .array(
      z.strictObject({
        id: uuid,
        transitGatewayId: z.string().regex(/^tgw-[0-9a-f]{8,17}$/, "a transit gateway id"),
        state: z.enum(["associating", "associated", "disassociating", "disassociated", "updating"]).default("associated"),
        allowedPrefixes: z.array(cidr).default([]),
      }),
    )
    .default([]),
});
