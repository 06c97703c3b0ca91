import { migrateDatabase } from "@/lib/db/migrate";

import { requireDatabaseUrl } from "./lib/require-database-url";

migrateDatabase(requireDatabaseUrl(), { log: (line) => console.log(line) })
  .then(({ applied }) => console.log(applied.length ? `applied ${applied.length} migration(s)` : "nothing to apply"))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
