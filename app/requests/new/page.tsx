import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { listClientAccounts, listClusters } from "@/lib/db/catalog/list-catalog";
import { AWS_REGIONS } from "@/lib/domain/aws-regions";
import { personOf, teamsToFileFor } from "@/lib/domain/permissions";
import { getRequestForViewer } from "@/lib/db/requests/get-request";
import { prefillFrom } from "@/lib/domain/request-prefill";

import { RequestForm } from "./request-form";

export const metadata = { title: "New request" };

export default async function NewRequestPage({ searchParams }: { searchParams: Promise<{ from?: string; method?: string }> }) {
  const user = await requirePageUser("request.create");
  const { from, method } = await searchParams;
  // Opened from a request the person may see: its fields, and the recommended method when it was taken.
  const source = typeof from === "string" ? await getRequestForViewer(user, from) : null;
  const prefill = source ? prefillFrom(source, { method: method === "multi-vpc-private-connectivity" ? method : null }) : undefined;
  // The same policy the filing path applies, so the form offers no team it would refuse.
  const teams = teamsToFileFor(personOf(user), user.teams);
  const [catalog, accounts] = await Promise.all([listClusters(), listClientAccounts(teams.map((t) => t.id))]);
  const clusters = catalog.filter((c) => c.state !== "MISSING");
  return (
    <>
      <PageHeader
        title="Connect a Kafka client to a cluster"
        description="Say where your client runs. The portal works out how to reach the cluster, shows the plan, and a platform approver reviews it before anything changes in AWS."
      />
      <RequestForm
        prefill={prefill}
        clusters={clusters.map((c) => ({
          arn: c.arn,
          name: c.name,
          accountId: c.accountId,
          region: c.region,
          vpcId: c.vpcId,
          authModes: c.authModes,
          accountName: c.account.name,
        }))}
        teams={teams}
        regions={[...AWS_REGIONS]}
        accounts={accounts.map((a) => ({ id: a.id, name: a.name, regions: a.regions }))}
      />
    </>
  );
}
