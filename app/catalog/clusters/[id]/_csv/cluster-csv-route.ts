import { actorOf, currentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { may } from "@/lib/domain/permissions";

type Cluster = { id: string; arn: string; name: string };
/** The CSV's text and what its file name says after the cluster's name; or an answer of its own (an error). */
type Produced = { csv: string; fileSuffix: string } | Response;

export const plainText = (status: number, message: string) =>
  new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * A cluster page's download, for the signed-in browser: the page's permission, the cluster looked up by the
 * route's id, and the CSV named after the cluster.
 */
export function clusterCsvRoute(produce: (cluster: Cluster) => Promise<Produced>) {
  return async (_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> => {
    const user = await currentUser();
    const decision = may(user ? actorOf(user) : null, "connection.watch-all");
    if (!decision.ok) return plainText(user ? 403 : 401, decision.reason);
    const { id } = await params;
    const cluster = await db().cluster.findUnique({ where: { id }, select: { id: true, arn: true, name: true } });
    if (!cluster) return plainText(404, "No such cluster.");
    const produced = await produce(cluster);
    if (produced instanceof Response) return produced;
    return new Response(produced.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${cluster.name.replace(/[^\w.-]/g, "_")}-${produced.fileSuffix}.csv"`,
        "cache-control": "no-store",
      },
    });
  };
}
