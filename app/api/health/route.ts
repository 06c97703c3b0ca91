export const dynamic = "force-dynamic";

// The liveness probe, unauthenticated on purpose (load balancers and container health checks call it). It says
// only that this process serves requests: a database outage is /api/ready's to report, and restarting every
// container because the database blinked would make the outage worse.
export function GET(): Response {
  return Response.json({ status: "ok" });
}
