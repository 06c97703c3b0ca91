import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { roleKitFiles } from "@/lib/aws/iam";

// Writes the portal's IAM role kit under deploy/iam from lib/aws/iam; a test fails when they differ.
const root = join(import.meta.dirname, "..", "deploy", "iam");
for (const [path, text] of Object.entries(roleKitFiles())) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote deploy/iam/${path}`);
}
