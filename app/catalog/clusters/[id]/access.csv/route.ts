import { actorOf, currentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { EXISTING_ACCESS_CSV_HEADER, existingAccessCsvLine } from "@/lib/domain/catalog/existing-access";
import { may } from "@/lib/domain/permissions";
import { portalAwsAccess } from "@/lib/provisioner/portal-aws-access";
import { readClusterAccess } from "@/lib/provisioner/read-cluster-access";

export const dynamic = "force-dynamic";

const plain = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

// The access that exists in AWS to the cluster, read now, as a spreadsheet; the cluster page's permission.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await currentUser();
  const decision = may(user ? actorOf(user) : null, "connection.watch-all");
  if (!decision.ok) return plain(user ? 403 : 401, decision.reason);
  const { id } = await params;
  const cluster = await db().cluster.findUnique({ where: { id }, select: { arn: true, name: true } });
  if (!cluster) return plain(404, "No such cluster.");
  const reading = await readClusterAccess(await portalAwsAccess(db()), cluster.arn);
  if (!reading.ok) return plain(502, `AWS could not be read: ${reading.error}`);
  return new Response(EXISTING_ACCESS_CSV_HEADER + reading.items.map(existingAccessCsvLine).join(""), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${cluster.name.replace(/[^\w.-]/g, "_")}-access-${reading.readAt.slice(0, 19).replace(/[-:T]/g, "")}.csv"`,
      "cache-control": "no-store",
    },
  });
}
