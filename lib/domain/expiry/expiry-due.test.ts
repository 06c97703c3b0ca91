import { describe, expect, it } from "vitest";

import type { RequestStatus } from "../lifecycle";
import { expiryStepDue, type ExpiryEventKind } from "./expiry-due";

const END = new Date("2026-12-20T00:00:00.000Z");
const before = (days: number) => new Date(END.getTime() - days * 24 * 60 * 60 * 1000);

describe("expiryStepDue", () => {
  it.each<[string, RequestStatus, Date, ExpiryEventKind[], ReturnType<typeof expiryStepDue>]>([
    ["more than 7 days ahead: nothing", "ACTIVE", before(8), [], null],
    ["7 days ahead: the first reminder", "ACTIVE", before(7), [], { kind: "remind", event: "REMINDER_7_DAYS", daysBefore: 7 }],
    ["3 days ahead, reminded: nothing", "ACTIVE", before(3), ["REMINDER_7_DAYS"], null],
    ["a day ahead: the last reminder", "ACTIVE", before(1), ["REMINDER_7_DAYS"], { kind: "remind", event: "REMINDER_1_DAY", daysBefore: 1 }],
    ["filed 12 hours before: only the last reminder", "SUBMITTED", before(0.5), [], { kind: "remind", event: "REMINDER_1_DAY", daysBefore: 1 }],
    ["a day ahead, reminded: nothing", "ACTIVE", before(0.5), ["REMINDER_1_DAY"], null],
    ["the 7-day reminder is not sent after the 1-day one", "ACTIVE", before(5), ["REMINDER_1_DAY"], null],
    ["reminders reach a failed request too", "FAILED", before(7), [], { kind: "remind", event: "REMINDER_7_DAYS", daysBefore: 7 }],
    ["at the end date, active: decommission", "ACTIVE", END, ["REMINDER_7_DAYS", "REMINDER_1_DAY"], { kind: "decommission", event: "ENDED" }],
    ["at the end date, failed: hold", "FAILED", END, [], { kind: "hold", event: "HELD" }],
    ["at the end date, awaiting approval: hold", "SUBMITTED", before(-1), [], { kind: "hold", event: "HELD" }],
    ["held already: nothing more", "FAILED", before(-2), ["HELD"], null],
    ["held, then active again: decommission", "ACTIVE", before(-2), ["HELD"], { kind: "decommission", event: "ENDED" }],
    ["ended already: nothing", "DECOMMISSIONING", before(-1), ["ENDED"], null],
    ["ended already, its teardown failed: left to operators", "FAILED", before(-1), ["ENDED"], null],
    ["a terminal request: nothing", "DECOMMISSIONED", before(1), [], null],
    ["a cancelled request past its end: nothing", "CANCELLED", before(-1), [], null],
  ])("%s", (_label, status, now, done, step) => {
    expect(expiryStepDue({ status, endsAt: END, now, done: new Set(done) })).toEqual(step);
  });
});
