import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// Unauthenticated on purpose (load balancers call it); says nothing but whether the database answers.
export async function GET(): Promise<Response> {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok" });
  } catch {
    return Response.json({ status: "degraded", database: "unreachable" }, { status: 503 });
  }
}
