import { z } from "zod";

import { safeText } from "../validation/safe-text";
import { TEXT_LIMITS } from "../validation/text-limits";
import { TOKEN_LIFETIME_DAYS, TOKEN_SCOPES, type TokenLifetimeDays } from "./token-scope";

const isLifetime = (days: number): days is TokenLifetimeDays => (TOKEN_LIFETIME_DAYS as readonly number[]).includes(days);

/** The new-token form: what the token is for, what it may do and how long it lasts. */
export const tokenFormSchema = z.object({
  name: safeText({ min: 3, tooShort: "Name the token after what uses it (at least 3 characters)", max: TEXT_LIMITS.tokenName, tooLong: `Keep the name under ${TEXT_LIMITS.tokenName} characters` }),
  scope: z.enum(TOKEN_SCOPES, { message: "Choose read only, or read and write" }),
  lifetimeDays: z.coerce
    .number()
    .refine(isLifetime, `Choose how long the token lasts: ${TOKEN_LIFETIME_DAYS.join(", ")} days`),
});
