import Link from "next/link";
import { notFound } from "next/navigation";

import { ClientVpcConnections } from "@/components/client-vpc-connections";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { actorOf } from "@/lib/auth/current-user";
import { requirePageUser } from "@/lib/auth/guard";
import { listClusterConnections } from "@/lib/db/catalog/list-cluster-connections";
import { db } from "@/lib/db/client";
import { may } from "@/lib/domain/permissions";
import { portalAwsAccess } from "@/lib/provisioner/portal-aws-access";
import { watchClientVpcConnections } from "@/lib/provisioner/watch-client-vpc-connections";

import { rejectConnectionAction } from "@/app/_shared/client-vpc-connection/actions";

import { ClusterConnectionsTable } from "./cluster-connections-table";

export const metadata = { title: "Who can reach the cluster" };

// Every team's connections are shown here, so the page is for those who may see every request.
export default async function ClusterConnectionsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("connection.watch-all");
  const { id } = await params;
  const cluster = await db().cluster.findUnique({ where: { id }, include: { account: { select: { name: true } } } });
  if (!cluster) notFound();
  const [watch, connections] = await Promise.all([
    watchClientVpcConnections(await portalAwsAccess(db()), cluster.id),
    listClusterConnections(cluster.id),
  ]);
  const mayReject = may(actorOf(user), "connection.reject").ok;
  return (
    <>
      <PageHeader
        title={cluster.name}
        description={`${cluster.account.name} (${cluster.accountId}) · ${cluster.region} · ${cluster.vpcId} · client authentication: ${cluster.authModes.join(", ") || "none enabled"}`}
        actions={
          <Link href="/catalog" className="text-sm text-indigo-700 underline">
            Back to the catalog
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title="Connections made by the portal">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <p className="text-sm text-slate-600">
              {connections.length} request{connections.length === 1 ? "" : "s"} whose path to this cluster exists in AWS, or is
              being built or removed.
            </p>
            <a
              href={`/catalog/clusters/${cluster.id}/connections.csv`}
              className="text-sm font-medium text-indigo-700 underline"
              download
            >
              Download as CSV
            </a>
          </div>
          <ClusterConnectionsTable connections={connections} />
        </Card>
        <Card title="Client VPC connections (multi-VPC private connectivity)">
          <p className="mb-3 text-sm text-slate-600">
            Every account that connected to this cluster through MSK multi-VPC private connectivity. A connection no live portal
            request accounts for is marked <span className="font-semibold text-rose-800">not expected</span>
            {mayReject ? "; reject it to cut that client off." : "."}
          </p>
          <ClientVpcConnections watch={watch} clusterId={cluster.id} reject={mayReject ? rejectConnectionAction : null} />
        </Card>
      </div>
    </>
  );
}
