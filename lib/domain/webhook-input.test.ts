import { describe, expect, it } from "vitest";

import { fieldErrors } from "./request-input";
import { webhookInputSchema } from "./webhook-input";

const valid = { name: "ops channel", url: "https://hooks.example.com/portal", format: "slack", events: ["request.approved"], secret: "" };

describe("webhookInputSchema", () => {
  it.each([
    ["a good webhook with a secret to be made", {}, null],
    ["a secret of its own", { secret: "s".repeat(16) }, null],
    ["no name", { name: " " }, "name"],
    ["a name with a direction override", { name: "ops\u202Echannel" }, "name"],
    ["not a URL", { url: "hooks.example.com" }, "url"],
    ["a URL that is not http", { url: "ftp://hooks.example.com/x" }, "url"],
    ["an unknown format", { format: "discord" }, "format"],
    ["no events", { events: [] }, "events"],
    ["an unknown event", { events: ["request.exploded"] }, "events"],
    ["a short secret", { secret: "short" }, "secret"],
  ])("%s", (_label, change, field) => {
    const parsed = webhookInputSchema.safeParse({ ...valid, ...change });
    if (field === null) expect(parsed.success).toBe(true);
    else expect(parsed.success ? {} : Object.keys(fieldErrors(parsed.error)).map((k) => k.split(".")[0])).toContain(field);
  });
});
