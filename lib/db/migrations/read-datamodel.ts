import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

import { z } from "zod";

// The part of Prisma's DMMF data model that decides the database shape.
const field = z.object({
  name: z.string(),
  dbName: z.string().nullish(),
  kind: z.enum(["scalar", "object", "enum", "unsupported"]),
  type: z.string(),
  isList: z.boolean(),
  isRequired: z.boolean(),
  isUpdatedAt: z.boolean().optional(),
  nativeType: z.tuple([z.string(), z.array(z.string())]).nullish(),
  default: z
    .union([
      z.object({ name: z.string(), args: z.array(z.union([z.string(), z.number(), z.boolean()])) }),
      z.string(),
      z.number(),
      z.boolean(),
      z.array(z.union([z.string(), z.number(), z.boolean()])),
    ])
    .optional(),
  relationFromFields: z.array(z.string()).optional(),
  relationToFields: z.array(z.string()).optional(),
  relationOnDelete: z.string().optional(),
  relationOnUpdate: z.string().optional(),
});

const datamodel = z.object({
  enums: z.array(
    z.object({
      name: z.string(),
      dbName: z.string().nullish(),
      values: z.array(z.object({ name: z.string(), dbName: z.string().nullish() })),
    }),
  ),
  models: z.array(
    z.object({
      name: z.string(),
      dbName: z.string().nullish(),
      schema: z.string().nullish(),
      fields: z.array(field),
      primaryKey: z.object({ name: z.string().nullish(), fields: z.array(z.string()) }).nullish(),
    }),
  ),
  indexes: z.array(
    z.object({
      model: z.string(),
      type: z.enum(["id", "normal", "unique", "fulltext"]),
      name: z.string().nullish(),
      dbName: z.string().nullish(),
      algorithm: z.string().nullish(),
      fields: z.array(z.object({ name: z.string(), sortOrder: z.string().nullish(), length: z.number().nullish() })),
    }),
  ),
});

export type Datamodel = z.infer<typeof datamodel>;
export type DatamodelField = z.infer<typeof field>;

const require = createRequire(import.meta.url);
const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const projectSchemaPath = path.join(projectRoot, "prisma", "schema.prisma");

// Runs `prisma generate` on a copy of the schema whose only generator is the DMMF dump; the copy keeps
// the real client's generator from running and writing into lib/db/generated.
export async function readDatamodel(schemaPath: string = projectSchemaPath): Promise<Datamodel> {
  const dir = await mkdtemp(path.join(tmpdir(), "dmmf-"));
  try {
    const outputFile = path.join(dir, "datamodel.json");
    // Prisma runs the provider through a shell; single quotes keep paths with spaces in one piece.
    const generatorCommand = [
      process.execPath,
      "--import",
      pathToFileURL(require.resolve("tsx")).href,
      fileURLToPath(new URL("./dmmf-dump-generator.ts", import.meta.url)),
    ]
      .map((part) => `'${part.replace(/'/g, `'\\''`)}'`)
      .join(" ");
    const schema = (await readFile(schemaPath, "utf8")).replace(/^generator\s+\w+\s*\{[^}]*\}/gm, "");
    const copy = path.join(dir, "schema.prisma");
    await writeFile(
      copy,
      `${schema}\ngenerator dmmf {\n  provider = ${JSON.stringify(generatorCommand)}\n  output   = ${JSON.stringify(outputFile)}\n}\n`,
    );
    await promisify(execFile)(
      process.execPath,
      [require.resolve("prisma/build/index.js"), "generate", "--schema", copy],
      {
        cwd: dir,
        // The native schema engine is a download we cannot make; `generate` never calls it.
        env: {
          ...process.env,
          PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
          CHECKPOINT_DISABLE: "1",
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
        },
      },
    );
    return datamodel.parse(JSON.parse(await readFile(outputFile, "utf8")));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
