import "server-only";

import { config, oidcEnabled } from "@/lib/config";
import { idpManagement, type IdpManagement } from "@/lib/domain/people/idp-managed";

import { parseRoleMap } from "./role-mapping";

/** What this deployment's identity provider decides at sign-in, from its configuration. */
export function currentIdpManagement(): IdpManagement {
  return idpManagement(oidcEnabled(), parseRoleMap(config().AUTH_OIDC_ROLE_MAP).values());
}
