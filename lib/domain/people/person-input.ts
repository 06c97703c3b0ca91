import { z } from "zod";

import { ROLES } from "../roles";
import { safeText } from "../validation/safe-text";

const roles = z.array(z.enum(ROLES, { message: `Choose roles among ${ROLES.join(", ")}` })).max(ROLES.length);
const teamIds = z.array(z.string().min(1).max(64, "Unknown team")).max(100, "Choose at most 100 teams");

/** Pre-registering somebody before their first sign-in: single sign-on finds the record by this e-mail. */
export const registerPersonSchema = z.object({
  email: z
    .email("Enter an e-mail address like name@example.com")
    .max(254, "Keep the e-mail address under 254 characters")
    .transform((e) => e.toLowerCase()),
  name: safeText({ max: 120, tooLong: "Keep the name under 120 characters" }),
  roles,
  teamIds,
});
export type RegisterPersonInput = z.infer<typeof registerPersonSchema>;

export const updatePersonSchema = z.object({ userId: z.string().min(1, "Choose a person"), roles, teamIds });
export type UpdatePersonInput = z.infer<typeof updatePersonSchema>;
