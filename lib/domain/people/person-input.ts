import { z } from "zod";

import { ROLES } from "../roles";
import { safeText } from "../validation/safe-text";
import { TEXT_LIMITS } from "../validation/text-limits";

const roles = z.array(z.enum(ROLES, { message: `Choose roles among ${ROLES.join(", ")}` })).max(ROLES.length);
const teamIds = z.array(z.string().min(1).max(64, "Unknown team")).max(100, "Choose at most 100 teams");

/** Pre-registering somebody before their first sign-in: single sign-on finds the record by this e-mail. */
export const registerPersonSchema = z.object({
  email: z
    .email("Enter an e-mail address like name@example.com")
    .max(TEXT_LIMITS.email, `Keep the e-mail address under ${TEXT_LIMITS.email} characters`)
    .transform((e) => e.toLowerCase()),
  name: safeText({ max: TEXT_LIMITS.personName, tooLong: `Keep the name under ${TEXT_LIMITS.personName} characters` }),
  roles,
  teamIds,
});
export type RegisterPersonInput = z.infer<typeof registerPersonSchema>;

export const updatePersonSchema = z.object({ userId: z.string().min(1, "Choose a person"), roles, teamIds });
export type UpdatePersonInput = z.infer<typeof updatePersonSchema>;
