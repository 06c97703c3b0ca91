import { writeFileSync } from "node:fs";
import { createInterface } from "node:readline";

import { z } from "zod";

// A Prisma generator that only writes the DMMF data model it is given to its `output` file. Prisma hands
// every generator the DMMF from its own schema parser, so this is how a test gets Prisma's reading of
// schema.prisma without @prisma/internals or the native engines (neither is available offline).
// Protocol: JSON-RPC requests arrive one per line on stdin; answers go one per line to stderr.

const request = z.object({
  id: z.number(),
  method: z.string(),
  params: z.unknown(),
});
const generateParams = z.object({
  generator: z.object({ output: z.object({ value: z.string() }) }),
  dmmf: z.object({ datamodel: z.unknown() }),
});

function reply(id: number, result: unknown): void {
  process.stderr.write(`${JSON.stringify({ jsonrpc: "2.0", id, result })}\n`);
}

createInterface({ input: process.stdin }).on("line", (line) => {
  const message = request.parse(JSON.parse(line));
  if (message.method === "getManifest") {
    reply(message.id, { manifest: { prettyName: "DMMF dump", requiresEngines: [] } });
  } else if (message.method === "generate") {
    const params = generateParams.parse(message.params);
    writeFileSync(params.generator.output.value, JSON.stringify(params.dmmf.datamodel));
    reply(message.id, null);
  }
});
