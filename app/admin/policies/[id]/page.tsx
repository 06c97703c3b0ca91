import Link from "next/link";
import { notFound } from "next/navigation";

import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { loadPolicy } from "@/lib/db/approval-policies/policy-rows";
import { listClustersToManage, listTeams } from "@/lib/db/catalog/list-catalog";
import { db } from "@/lib/db/client";

import { savePolicyAction } from "../actions";
import { PolicyForm } from "../policy-form";

export const metadata = { title: "Edit approval policy" };

export default async function EditPolicyPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("approval-policy.manage");
  const { id } = await params;
  const [policy, teams, clusters] = await Promise.all([loadPolicy(db(), id), listTeams(), listClustersToManage()]);
  if (!policy) notFound();
  return (
    <>
      <PageHeader title={`Edit “${policy.name}”`} description={`Version ${policy.version}. Saving makes version ${policy.version + 1}; requests planned from then on use it.`} />
      <Card>
        <PolicyForm
          id={policy.id}
          isDefault={policy.isDefault}
          values={{ name: policy.name, match: policy.match, outcome: policy.outcome, requireEndDate: policy.requireEndDate, maxDurationDays: policy.maxDurationDays, decommissionBy: policy.decommissionBy }}
          teams={teams}
          clusters={clusters}
          action={savePolicyAction}
          submitLabel="Save new version"
        />
      </Card>
      <p className="mt-4 text-sm">
        <Link href="/admin/policies" className="text-indigo-700 hover:underline">
          Back to the policies
        </Link>
      </p>
    </>
  );
}
