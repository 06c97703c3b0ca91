import { describe, expect, it } from "vitest";

import { ageBounds, isFiltered, parseRequestFilter, requestFilterQuery } from "./request-filter";
import { classifySearchTerm } from "./search-term";

describe("reading the search box", () => {
  it.each([
    ["#42", { kind: "number", number: 42 }],
    ["42", { kind: "number", number: 42 }],
    ["VPC-0BBB0000000000001", { kind: "vpc", vpcId: "vpc-0bbb0000000000001" }],
    ["222222222222", { kind: "account", accountId: "222222222222" }],
    ["payments", { kind: "text", text: "payments" }],
    ["alice@example.com", { kind: "text", text: "alice@example.com" }],
    // Too long for a request number, too short for an account: a name.
    ["1234567890", { kind: "text", text: "1234567890" }],
  ])("%s is a %o", (raw, expected) => {
    expect(classifySearchTerm(raw)).toEqual(expected);
  });
});

describe("the requests filter in the URL", () => {
  it("reads every field, lists given either repeated or comma-separated", () => {
    const params = new URLSearchParams("q=%2312&status=SUBMITTED,FAILED&status=ACTIVE&scenario=saas&method=vpc-peering&environment=prod&age=over-7d&drift=drifted&expiring=7d&sort=oldest&page=3");
    const { filter, errors } = parseRequestFilter(params);
    expect(errors).toEqual({});
    expect(filter).toEqual({
      q: "#12",
      search: { kind: "number", number: 12 },
      statuses: ["SUBMITTED", "FAILED", "ACTIVE"],
      scenarios: ["saas"],
      methods: ["vpc-peering"],
      environments: ["prod"],
      age: "over-7d",
      drift: "drifted",
      expiring: "7d",
      sort: "oldest",
      page: 3,
    });
    expect(requestFilterQuery(filter)).toBe("?q=%2312&status=SUBMITTED%2CFAILED%2CACTIVE&scenario=saas&method=vpc-peering&environment=prod&age=over-7d&drift=drifted&expiring=7d&sort=oldest&page=3");
  });

  it("takes Next's searchParams object, a repeated key being a list", () => {
    const { filter } = parseRequestFilter({ status: ["SUBMITTED", "FAILED"], q: "  payments " });
    expect(filter.statuses).toEqual(["SUBMITTED", "FAILED"]);
    expect(filter.search).toEqual({ kind: "text", text: "payments" });
  });

  it("reports each bad value at its field with what to use, and keeps the good ones", () => {
    const { filter, errors } = parseRequestFilter(
      new URLSearchParams("status=SUBMITTED,NOPE&scenario=moon&method=carrier-pigeon&environment=qa&age=ancient&drift=maybe&sort=random&page=-1"),
    );
    expect(filter.statuses).toEqual(["SUBMITTED"]);
    expect(filter).toMatchObject({ scenarios: [], methods: [], environments: [], sort: "newest", page: 1 });
    expect(filter.age).toBeUndefined();
    expect(errors.status).toBe('Unknown status "NOPE": use SUBMITTED, APPROVED, REJECTED, CANCELLED, PROVISIONING, VERIFYING, ACTIVE, FAILED, ROLLING_BACK, ROLLED_BACK, DECOMMISSIONING, DECOMMISSIONED');
    expect(errors.scenario).toMatch(/^Unknown scenario "moon": use same-vpc, /);
    expect(errors.method).toMatch(/^Unknown method "carrier-pigeon": use security-group-only, /);
    expect(errors.environment).toBe('Unknown environment "qa": use dev, staging, prod');
    expect(errors.age).toBe('Unknown age "ancient": use 24h, 7d, 30d, over-7d, over-30d');
    expect(errors.drift).toBe('Unknown drift "maybe": use drifted, in-sync');
    expect(errors.sort).toBe('Unknown sort "random": use newest, oldest, updated');
    expect(errors.page).toMatch(/whole number from 1 to 10,000/);
  });

  it("refuses an overlong search rather than searching for it", () => {
    const { filter, errors } = parseRequestFilter({ q: "x".repeat(201) });
    expect(filter.search).toBeUndefined();
    expect(errors.q).toBe("Search for at most 200 characters");
  });

  it("an empty filter is the plain list, whose URL is the bare path", () => {
    const { filter } = parseRequestFilter({});
    expect(isFiltered(filter)).toBe(false);
    expect(requestFilterQuery(filter)).toBe("");
    expect(requestFilterQuery(filter, { page: 2 })).toBe("?page=2");
    expect(isFiltered(parseRequestFilter({ drift: "drifted" }).filter)).toBe(true);
  });

  it("turns an age into filing-time bounds", () => {
    const now = new Date("2026-12-02T12:00:00Z");
    expect(ageBounds("24h", now)).toEqual({ filedAfter: new Date("2026-12-01T12:00:00Z") });
    expect(ageBounds("over-7d", now)).toEqual({ filedBefore: new Date("2026-11-25T12:00:00Z") });
    expect(ageBounds(undefined, now)).toEqual({});
  });
});
