import Link from "next/link";
import { notFound } from "next/navigation";

import { ClientVpcConnections } from "@/components/client-vpc-connections";
import { Pagination } from "@/components/ui/pagination";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { actorOf } from "@/lib/auth/current-user";
import { requirePageUser } from "@/lib/auth/guard";
import { CLUSTER_CONNECTIONS_PER_PAGE, listClusterConnections } from "@/lib/db/catalog/list-cluster-connections";
import { db } from "@/lib/db/client";
import { may } from "@/lib/domain/permissions";
import { portalAwsAccess } from "@/lib/provisioner/portal-aws-access";
import { readClusterAccess } from "@/lib/provisioner/read-cluster-access";
import { watchClientVpcConnections } from "@/lib/provisioner/watch-client-vpc-connections";

import { rejectConnectionAction } from "@/app/_shared/client-vpc-connection/actions";

import { ClusterConnectionsTable } from "./cluster-connections-table";
import { ExistingAccessList } from "./existing-access-list";

export const metadata = { title: "Who can reach the cluster" };

// Every team's connections are shown here, so the page is for those who may see every request.
export default async function ClusterConnectionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser("connection.watch-all");
  const { id } = await params;
  const requested = Number((await searchParams).page ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
  const cluster = await db().cluster.findUnique({ where: { id }, include: { account: { select: { name: true } } } });
  if (!cluster) notFound();
  const access = await portalAwsAccess(db());
  const [watch, { connections, total }, existing] = await Promise.all([
    watchClientVpcConnections(access, cluster.id),
    listClusterConnections(cluster.id, page),
    readClusterAccess(access, cluster.arn),
  ]);
  const mayReject = may(actorOf(user), "connection.reject").ok;
  const pages = Math.max(1, Math.ceil(total / CLUSTER_CONNECTIONS_PER_PAGE));
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
              {total} request{total === 1 ? "" : "s"} whose path to this cluster exists in AWS, or is being built or removed
              {pages > 1 ? `; ${CLUSTER_CONNECTIONS_PER_PAGE} a page, all of them in the CSV` : ""}.
            </p>
            <a
              href={`/catalog/clusters/${cluster.id}/connections.csv`}
              className="text-sm font-medium text-indigo-700 underline"
              download
            >
              Download connections as CSV
            </a>
          </div>
          {page > pages ? (
            <p className="text-sm text-slate-600">
              There is no page {page}.{" "}
              <Link href={`/catalog/clusters/${cluster.id}?page=${pages}`} className="font-medium text-indigo-700 underline">
                Go to page {pages}
              </Link>
            </p>
          ) : (
            <ClusterConnectionsTable connections={connections} />
          )}
          <Pagination page={Math.min(page, pages)} pages={pages} hrefFor={(p) => `/catalog/clusters/${cluster.id}?page=${p}`} />
        </Card>
        <Card title="Access that exists in AWS">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <p className="text-sm text-slate-600">
              Broker security group rules, peerings, Transit Gateway attachments and routes of the cluster&apos;s VPC, and the cluster
              policy, each marked with the request that made it or as not made by the portal.
            </p>
            <span className="flex gap-4 text-sm">
              <Link href={`/catalog/clusters/${cluster.id}`} className="font-medium text-indigo-700 underline" prefetch={false}>
                Refresh
              </Link>
              <a href={`/catalog/clusters/${cluster.id}/access.csv`} className="font-medium text-indigo-700 underline" download>
                Download access as CSV
              </a>
            </span>
          </div>
          <ExistingAccessList reading={existing} />
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
