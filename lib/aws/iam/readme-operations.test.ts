import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

import { callsFor } from "./needed-actions";

const README = join(import.meta.dirname, "..", "..", "..", "README.md");

/** The operations the README's "What the portal calls" bullets name, per service label. */
function operationsInReadme(): Map<string, string[]> {
  const text = readFileSync(README, "utf8");
  const section = text.slice(text.indexOf("**What the portal calls.**"), text.indexOf("**What they lack**"));
  const bullets = section.split("\n- ").slice(1).map((b) => b.replace(/\n\s+/g, " ").trim());
  return new Map(
    bullets.map((b) => {
      const label = b.slice(2, b.indexOf("**", 2));
      const list = b.slice(b.indexOf(":", b.lastIndexOf("**")) + 1);
      return [label, list.split(",").map((op) => op.trim())];
    }),
  );
}

// The README tells operators which calls an emulator must serve; it has to be the list the code makes.
it("the README's list of AWS operations is exactly what the portal calls", () => {
  const listed = operationsInReadme();
  const byService = new Map<string, Set<string>>();
  for (const call of callsFor(["cluster", "client", "transit"])) {
    byService.set(call.service, (byService.get(call.service) ?? new Set()).add(call.operation));
  }
  const sorted = (ops: Iterable<string>) => [...ops].sort();
  expect(sorted(listed.get("STS") ?? [])).toEqual(["AssumeRole", "GetCallerIdentity"]);
  expect(sorted([...(listed.get("EC2 reads") ?? []), ...(listed.get("EC2 changes") ?? [])])).toEqual(sorted(byService.get("ec2") ?? []));
  expect(sorted(listed.get("RAM") ?? [])).toEqual(sorted(byService.get("ram") ?? []));
  expect(sorted(listed.get("Kafka (MSK)") ?? [])).toEqual(sorted(byService.get("kafka") ?? []));
  expect(sorted(listed.get("Direct Connect") ?? [])).toEqual(sorted(byService.get("directconnect") ?? []));
  expect([...listed.keys()]).toHaveLength(6);
});
