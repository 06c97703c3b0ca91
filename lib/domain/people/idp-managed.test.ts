import { describe, expect, it } from "vitest";

import { idpManagement, NOTHING_MANAGED, rolesAfterAdminEdit, rolesAfterSignIn } from "./idp-managed";

const sso = idpManagement(true, ["approver"]);

describe("idpManagement", () => {
  it("manages nothing without single sign-on", () => {
    expect(idpManagement(false, ["approver"])).toEqual(NOTHING_MANAGED);
  });
  it("manages requester, the mapped roles and the teams with it", () => {
    expect(sso).toEqual({ roles: ["requester", "approver"], teams: true });
  });
});

describe("rolesAfterSignIn", () => {
  it.each([
    ["keeps an administrator-given role the map does not name", ["admin"], ["requester"], ["requester", "admin"]],
    ["takes away a mapped role the groups no longer grant", ["requester", "approver"], ["requester"], ["requester"]],
    ["grants a mapped role from the groups", ["requester"], ["requester", "approver"], ["requester", "approver"]],
  ] as const)("%s", (_label, stored, fromGroups, expected) => {
    expect(rolesAfterSignIn(stored, fromGroups, sso)).toEqual(expected);
  });
});

describe("rolesAfterAdminEdit", () => {
  it("changes only the roles the provider does not manage", () => {
    expect(rolesAfterAdminEdit(["requester", "approver"], ["auditor"], sso)).toEqual(["requester", "approver", "auditor"]);
    expect(rolesAfterAdminEdit(["requester", "auditor"], [], NOTHING_MANAGED)).toEqual([]);
  });
});
