import { describe, expect, it } from "vitest";

import { checkEndDate, END_DATE_HORIZON_DAYS, endDateSchema, formatEndDate, NO_END_DATE_LIMITS, parseEndDate, type EndDateLimits } from "./end-date";

const NOW = new Date("2026-12-02T12:00:00.000Z");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const prod30: EndDateLimits = { requireEndDate: true, maxDurationDays: 30 };

describe("checkEndDate", () => {
  it.each<[string, Date | null, EndDateLimits, RegExp | null]>([
    ["no end date, no policy", null, NO_END_DATE_LIMITS, null],
    ["no end date where the policy needs one", null, prod30, /needs an end date/],
    ["tomorrow", day("2026-12-03"), NO_END_DATE_LIMITS, null],
    ["now exactly", NOW, NO_END_DATE_LIMITS, /in the future/],
    ["yesterday", day("2026-12-01"), NO_END_DATE_LIMITS, /in the future/],
    ["within the policy's 30 days", day("2027-01-01"), prod30, null],
    ["past the policy's 30 days", day("2027-01-02"), prod30, /at most 30 days: choose 2027-01-01 or earlier/],
    ["at the portal's horizon", day("2027-12-02"), NO_END_DATE_LIMITS, null],
    ["past the portal's horizon", day("2027-12-03"), NO_END_DATE_LIMITS, new RegExp(`within ${END_DATE_HORIZON_DAYS} days`)],
    ["a long policy still meets the horizon", day("2028-06-01"), { requireEndDate: false, maxDurationDays: 1000 }, /within 365 days/],
  ])("%s", (_label, endsAt, limits, refused) => {
    const problem = checkEndDate(endsAt, NOW, limits);
    if (refused) expect(problem).toMatch(refused);
    else expect(problem).toBeNull();
  });
});

describe("endDateSchema and parseEndDate", () => {
  it.each([
    ["2026-12-31", "2026-12-31T00:00:00.000Z"],
    [" 2026-12-31 ", "2026-12-31T00:00:00.000Z"],
    ["2026-12-31T08:30:00Z", "2026-12-31T08:30:00.000Z"],
    ["2026-12-31T08:30:00+01:00", "2026-12-31T07:30:00.000Z"],
  ])("reads %s as %s", (input, iso) => {
    const parsed = endDateSchema.parse(input);
    expect(parseEndDate(parsed).toISOString()).toBe(iso);
  });

  it.each(["31/12/2026", "2026-13-01", "tomorrow", ""])("refuses %j with the format to use", (input) => {
    const result = endDateSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Enter the end date as YYYY-MM-DD");
  });

  it("formats the UTC day", () => {
    expect(formatEndDate(new Date("2026-12-31T23:59:00.000Z"))).toBe("2026-12-31");
  });
});
