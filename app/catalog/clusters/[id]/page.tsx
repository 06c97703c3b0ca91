import Link from "next/link";
import { notFound } from "next/navigation";

import { ClientVpcConnections } from "@/components/client-vpc-connections";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { actorOf } from "@/lib/auth/current-user";
import { requirePageUser } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { may } from "@/lib/domain/permissions";
import { portalAwsAccess } from "@/lib/provisioner/portal-aws-access";
import { watchClientVpcConnections } from "@/lib/provisioner/watch-client-vpc-connections";

import { rejectConnectionAction } from "@/app/_shared/client-vpc-connection/actions";

export const metadata = { title: "Cluster connections" };

// Every team's connections are shown here, so the page is for those who may see every request.
export default async function ClusterConnectionsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("connection.watch-all");
  const { id } = await params;
  const cluster = await db().cluster.findUnique({ where: { id }, include: { account: { select: { name: true } } } });
  if (!cluster) notFound();
  const watch = await watchClientVpcConnections(await portalAwsAccess(db()), cluster.id);
  const mayReject = may(actorOf(user), "connection.reject").ok;
  return (
    <>
      <PageHeader
        title={cluster.name}
        description={`${cluster.account.name} (${cluster.accountId}) · ${cluster.region} · ${cluster.vpcId}`}
        actions={
          <Link href="/catalog" className="text-sm text-indigo-700 underline">
            Back to the catalog
          </Link>
        }
      />
      <Card title="Client VPC connections (multi-VPC private connectivity)">
        <p className="mb-3 text-sm text-slate-600">
          Every account that connected to this cluster through MSK multi-VPC private connectivity. A connection no live portal
          request accounts for is marked <span className="font-semibold text-rose-800">not expected</span>
          {mayReject ? "; reject it to cut that client off." : "."}
        </p>
        <ClientVpcConnections watch={watch} clusterId={cluster.id} reject={mayReject ? rejectConnectionAction : null} />
      </Card>
    </>
  );
}
