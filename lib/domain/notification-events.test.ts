import { describe, expect, it } from "vitest";

import { defaultChannels, effectiveChannels, notificationOfTransition, notificationPath, notificationTitle } from "./notification-events";

describe("notification events", () => {
  it.each([
    ["approve", "request.approved"],
    ["reject", "request.rejected"],
    ["fail", "request.provisioning-failed"],
    ["activate", "request.active"],
    ["finish-decommission", "request.decommissioned"],
    ["retry", null],
    ["start-provisioning", null],
    ["cancel", null],
  ])("the %s transition tells %s", (action, event) => {
    expect(notificationOfTransition(action)).toBe(event);
  });

  it("keeps a stored choice and the defaults for the rest", () => {
    const choices = effectiveChannels([{ eventType: "request.approved", inApp: false, email: false }]);
    expect(choices["request.approved"]).toEqual({ inApp: false, email: false });
    expect(choices["request.awaiting-approval"]).toEqual({ inApp: true, email: true });
    expect(choices["request.filed"]).toEqual(defaultChannels("request.filed"));
    expect(defaultChannels("request.filed")).toEqual({ inApp: true, email: false });
  });

  it("titles name the request and, for an active one, lead to its connection details", () => {
    const facts = { number: 7, clusterName: "orders-prod", environment: "prod", actorName: "Bob" };
    expect(notificationTitle("request.approved", facts)).toBe("Request #7 (orders-prod, prod) was approved by Bob");
    expect(notificationTitle("request.expiring-soon", { ...facts, details: { endsAt: "2027-01-31T00:00:00.000Z" } })).toBe(
      "Request #7 (orders-prod, prod) expires on 2027-01-31",
    );
    expect(notificationPath("request.active", "r1")).toBe("/requests/r1#connection-details");
    expect(notificationPath("request.rejected", "r1")).toBe("/requests/r1");
  });
});
