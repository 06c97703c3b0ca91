import { describe, expect, it } from "vitest";

import { lastAdminRefusal, type AdminChange } from "./last-admin";

describe("lastAdminRefusal", () => {
  it.each<[string, readonly string[], AdminChange, string, RegExp | null]>([
    ["the only admin drops their own admin role", ["erin"], { targetUserId: "erin", roles: ["requester"] }, "erin", /make someone else an administrator/],
    ["the only admin deactivates themselves", ["erin"], { targetUserId: "erin", deactivate: true }, "erin", /before deactivating yourself/],
    ["the only admin keeps admin while changing other roles", ["erin"], { targetUserId: "erin", roles: ["admin", "auditor"] }, "erin", null],
    ["one of two admins drops the role", ["erin", "zoe"], { targetUserId: "erin", roles: [] }, "erin", null],
    ["one of two admins deactivates the other", ["erin", "zoe"], { targetUserId: "zoe", deactivate: true }, "erin", null],
    ["somebody who is not an admin is deactivated", ["erin"], { targetUserId: "alice", deactivate: true }, "erin", null],
    ["another person removes the last admin's role", ["erin"], { targetUserId: "erin", roles: ["approver"] }, "zoe", /only active administrator/],
  ])("%s", (_label, admins, change, actor, expected) => {
    const refusal = lastAdminRefusal(admins, change, actor);
    if (expected) expect(refusal).toMatch(expected);
    else expect(refusal).toBeNull();
  });
});
