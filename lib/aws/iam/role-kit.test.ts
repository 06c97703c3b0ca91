import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { actionOf } from "./iam-actions";
import { ACTIVATION_NEEDS, CONNECTION_WATCH_NEEDS, DISCOVERY_NEEDS, PATH_ANALYSIS_NEEDS, STEP_NEEDS } from "./iam-needs";
import { roleKitFiles } from "./role-kit";
import { ROLE_POLICIES } from "./role-policy";

const ROOT = join(import.meta.dirname, "..", "..", "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describe("the role kit", () => {
  it("is committed exactly as `npm run iam` generates it", () => {
    const committed = Object.fromEntries(
      filesUnder(join(ROOT, "deploy", "iam"))
        .filter((f) => !f.endsWith("README.md"))
        .map((f) => [relative(join(ROOT, "deploy", "iam"), f), readFileSync(f, "utf8")]),
    );
    expect(committed).toEqual(roleKitFiles());
  });

  // IAM quota: a role's inline policies together hold at most 10,240 characters, white space not counted.
  it("fits a role's inline policy quota even when one account plays every part", () => {
    const size = Object.values(ROLE_POLICIES).reduce((n, p) => n + JSON.stringify(p).replace(/\s/g, "").length, 0);
    expect(size).toBeLessThan(10_240);
  });

  it("trusts only the portal's principal with the external id", () => {
    const template = JSON.parse(roleKitFiles()["cloudformation/msk-portal-role.json"] ?? "{}") as {
      Resources: { PortalRole: { Properties: { AssumeRolePolicyDocument: { Statement: unknown[] } } } };
    };
    expect(template.Resources.PortalRole.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { AWS: { Ref: "PortalPrincipalArn" } },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": { Ref: "ExternalId" } } },
      },
    ]);
  });
});

// Nothing else lists actions by hand: every SDK command the portal's AWS code sends is in lib/aws/iam.
describe("the list of IAM needs", () => {
  const listed = new Set(
    [
      ...Object.values(DISCOVERY_NEEDS),
      ...Object.values(ACTIVATION_NEEDS),
      ...Object.values(CONNECTION_WATCH_NEEDS),
      ...Object.values(PATH_ANALYSIS_NEEDS),
      ...Object.values(STEP_NEEDS).flatMap((n) => [n.execute, n.verify, n.undo]),
    ]
      .flat()
      .map((c) => c.operation),
  );
  const sources = [...filesUnder(join(ROOT, "lib", "aws")), ...filesUnder(join(ROOT, "lib", "provisioner"))].filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.includes("/testing/") && !f.includes("/iam/"),
  );

  it("names every command the portal sends", () => {
    const sent = new Set(
      sources.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/new ([A-Z][A-Za-z0-9]+)Command\(/g)].map((m) => m[1] ?? "")),
    );
    // STS is the portal's own identity (its trust policy), not the role's.
    const unlisted = [...sent].filter((op) => !listed.has(op) && !["AssumeRole", "GetCallerIdentity"].includes(op));
    expect(unlisted).toEqual([]);
  });

  it("spells every action as service:Operation", () => {
    for (const c of listed) expect(c).toMatch(/^[A-Z][A-Za-z0-9]+$/);
    expect(actionOf({ service: "ec2", operation: "CreateRoute" })).toBe("ec2:CreateRoute");
  });
});
