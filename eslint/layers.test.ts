import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

// The project's own config, so a rule dropped or loosened there fails here. The fixtures are not files the
// TypeScript project knows, so the type-aware rules (which these are not) are switched off for them.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "import/no-restricted-paths" || m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-properties")
    .map((m) => m.ruleId ?? "");
}

const refused: [string, string, string][] = [
  ["lib/domain/fixture.ts", 'import { db as x } from "@/lib/db/client";', "import/no-restricted-paths"],
  ["lib/domain/fixture.ts", 'import { redirect as x } from "next/navigation";', "no-restricted-imports"],
  ["lib/domain/fixture.ts", "const x = process.env.DATABASE_URL;", "no-restricted-properties"],
  ["lib/aws/fixture.ts", 'import { db as x } from "../db/client";', "import/no-restricted-paths"],
  ["lib/db/fixture.ts", 'import { portalAwsAccess as x } from "@/lib/provisioner/portal-aws-access";', "import/no-restricted-paths"],
  ["lib/db/fixture.ts", 'import { deliverDue as x } from "@/lib/notifications/deliver-due";', "import/no-restricted-paths"],
  ["lib/db/fixture.ts", 'import { requireUser as x } from "../auth/guard";', "import/no-restricted-paths"],
  ["lib/provisioner/fixture.ts", 'import { startSandbox as x } from "@/lib/sandbox";', "import/no-restricted-paths"],
  ["lib/sandbox/fixture.ts", 'import { SCENARIOS as x } from "../domain/scenario";', "import/no-restricted-paths"],
  ["components/fixture.tsx", 'import { signOut as x } from "@/lib/auth/auth";', "import/no-restricted-paths"],
  ["components/fixture.tsx", 'import { db as x } from "@/lib/db/client";', "import/no-restricted-paths"],
  ["app/approvals/fixture.tsx", 'import { cancelRequest as x } from "../requests/[id]/actions";', "import/no-restricted-paths"],
  ["app/api/v1/fixture.ts", 'import { signOutAction as x } from "@/app/signin/actions";', "import/no-restricted-paths"],
];

const allowed: [string, string][] = [
  ["app/requests/[id]/fixture.tsx", 'import { cancelRequest as x } from "./actions";'],
  ["app/approvals/fixture.tsx", 'import { decideRequest as x } from "@/app/_shared/decision/actions";'],
  ["lib/provisioner/fixture.ts", 'import { db as x } from "@/lib/db/client";'],
  ["lib/db/fixture.ts", 'import { mailSettings as x } from "@/lib/config/mail-settings";'],
  ["lib/notifications/fixture.ts", 'import { notify as x } from "@/lib/db/notifications/notify";'],
  ["lib/aws/fixture.test.ts", 'import { startSandbox as x } from "@/lib/sandbox";'],
  ["components/fixture.tsx", 'import { actorOf as x } from "@/lib/auth/current-user";'],
];

describe("layer rules", () => {
  it.each(refused)("%s: %s is refused", async (file, code, rule) => {
    expect(await layerErrors(file, code)).toContain(rule);
  });

  it.each(allowed)("%s: %s is allowed", async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
