import { describe, expect, it } from "vitest";

import { keptLabel } from "./undo-steps";

import { stepOutcomeLabel } from "./step-outcome";

const made = [{ type: "vpc-peering-connection", id: "pcx-1", account: "111111111111", region: "us-east-1" }];

describe("stepOutcomeLabel", () => {
  it.each([
    ["DECOMMISSIONED", { status: "UNDONE", error: null, createdResources: made }, "removed"],
    ["ROLLED_BACK", { status: "UNDONE", error: null, createdResources: [] }, "nothing to remove"],
    ["ROLLED_BACK", { status: "PENDING", error: null, createdResources: [] }, "never ran"],
    ["DECOMMISSIONED", { status: "SKIPPED", error: keptLabel(7), createdResources: made }, "kept: used by #7"],
    ["DECOMMISSIONING", { status: "UNDOING", error: null, createdResources: made }, null],
    ["ACTIVE", { status: "SUCCEEDED", error: null, createdResources: made }, null],
    ["PROVISIONING", { status: "PENDING", error: null, createdResources: [] }, null],
  ] as const)("%s, step %o -> %s", (requestStatus, step, label) => {
    expect(stepOutcomeLabel(requestStatus, step)).toBe(label);
  });
});
