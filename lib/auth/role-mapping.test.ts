import { describe, expect, it } from "vitest";

import { groupsFromClaim, parseRoleMap, rolesFromGroups, teamSlugsFromGroups } from "./role-mapping";

describe("mapping identity-provider groups", () => {
  const map = parseRoleMap("msk-approvers=approver, msk-auditors=auditor,platform-admins=admin");

  it.each([
    [[], ["requester"]],
    [["msk-approvers"], ["requester", "approver"]],
    [["msk-auditors", "unrelated"], ["requester", "auditor"]],
    [["platform-admins", "msk-approvers"], ["requester", "approver", "admin"]],
  ])("groups %j give roles %j", (groups, roles) => {
    expect(rolesFromGroups(groups, map)).toEqual(roles);
  });

  it("refuses a map that names an unknown role", () => {
    expect(() => parseRoleMap("ops=superuser")).toThrow('"ops=superuser" is not group=role');
  });

  it("reads team slugs from prefixed groups", () => {
    expect(teamSlugsFromGroups(["team-payments", "team-Data Science", "team-", "other"], "team-")).toEqual(["payments", "data-science"]);
  });

  it("reads the groups claim as a list or a delimited string", () => {
    expect(groupsFromClaim(["a", 1, "b"])).toEqual(["a", "b"]);
    expect(groupsFromClaim("a, b c")).toEqual(["a", "b", "c"]);
    expect(groupsFromClaim(undefined)).toEqual([]);
  });
});
