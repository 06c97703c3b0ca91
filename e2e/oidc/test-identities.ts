// The people of the test identity provider (e2e/oidc/test-identity-provider.ts). Their groups are what a
// real directory would send; the production e2e server maps them to portal roles with AUTH_OIDC_ROLE_MAP.
export type TestIdentity = { email: string; name: string; groups: string[]; disabled?: true };

export const TEST_PASSWORD = "correct horse battery staple";

export const TEST_IDENTITIES = {
  admin: { email: "ada.admin@idp.test", name: "Ada Admin", groups: ["portal-admins"] },
  approver: { email: "arno.approver@idp.test", name: "Arno Approver", groups: ["portal-approvers"] },
  requester: { email: "rita.requester@idp.test", name: "Rita Requester", groups: ["team-payments", "all-staff"] },
  // No group the role map knows: what she may do is set by an admin on the people page, before she first signs in.
  newcomer: { email: "nora.newcomer@idp.test", name: "Nora Newcomer", groups: ["all-staff"] },
  // Left the company: the directory still knows the account but refuses to sign it in.
  disabled: { email: "dirk.disabled@idp.test", name: "Dirk Disabled", groups: ["portal-admins"], disabled: true },
} satisfies Record<string, TestIdentity>;

export const TEST_ROLE_MAP = "portal-admins=admin,portal-approvers=approver";
export const TEST_TEAM_PREFIX = "team-";

export function findTestIdentity(email: string): TestIdentity | undefined {
  return Object.values(TEST_IDENTITIES).find((identity: TestIdentity) => identity.email === email.trim().toLowerCase());
}
