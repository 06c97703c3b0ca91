import pg from "pg";

// One request's steps must never run in two workers at once. A session-level advisory lock is held on its own
// connection for the whole run: if the worker dies, PostgreSQL drops the connection and with it the lock, so
// the next worker can take over without waiting for a lease to time out.
export async function withRequestLease<T>(databaseUrl: string, requestId: string, run: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "msk-portal-lease" });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext('msk-portal:request'), hashtext($1)) AS locked", [requestId]);
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, value: await run() };
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('msk-portal:request'), hashtext($1))", [requestId]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
