import { config } from "@/lib/config";

export function requireDatabaseUrl(): string {
  const url = config().DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. `npm run dev` starts an embedded database; other commands need DATABASE_URL.");
    process.exit(1);
  }
  return url;
}
