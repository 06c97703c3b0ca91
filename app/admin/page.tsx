import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { listAccounts } from "@/lib/db/catalog/list-catalog";
import { db } from "@/lib/db/client";
import { loadPlatformSettings } from "@/lib/provisioner/platform-settings";

import { AccountForm } from "./account-form";
import { PlatformForm } from "./platform-form";
import { RemoveAccountButton } from "./remove-account-button";
import { TestAccessButton } from "./test-access-button";

export const metadata = { title: "Administration" };

export default async function AdminPage() {
  await requirePageUser("catalog:manage");
  const [accounts, settings] = await Promise.all([listAccounts(), loadPlatformSettings(db())]);
  const hub = settings.transitHubs[0];
  return (
    <>
      <PageHeader
        title="Administration"
        description="Registered AWS accounts and how the platform builds connections. Every change is recorded in the audit history."
      />
      <div className="space-y-6">
        <Card title="Registered accounts">
          <ul className="divide-y divide-slate-100">
            {accounts.map((a) => (
              <li key={a.id} className="py-4" data-testid="admin-account">
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-2">
                    <span>
                      <span className="font-medium">{a.name}</span>{" "}
                      <span className="font-mono text-xs text-slate-500">{a.id}</span>{" "}
                      <span className="text-xs text-slate-500">
                        · {a.kind.toLowerCase().replace("_", " ")} · {a.regions.join(", ")}
                      </span>
                    </span>
                    <span className="text-xs text-indigo-700">Edit</span>
                  </summary>
                  <div className="mt-3 space-y-3">
                    <AccountForm
                      submitLabel="Save account"
                      values={{
                        id: a.id,
                        name: a.name,
                        kind: a.kind,
                        roleArn: a.roleArn,
                        externalId: a.externalId ?? "",
                        regions: a.regions.join(", "),
                      }}
                    />
                    {a.kind !== "SAAS_PROVIDER" ? <TestAccessButton id={a.id} /> : null}
                    {a._count.clusters === 0 ? (
                      <RemoveAccountButton id={a.id} />
                    ) : (
                      <p className="text-xs text-slate-500">Owns clusters in the catalog, so it cannot be removed.</p>
                    )}
                  </div>
                </details>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Register an account">
          <AccountForm submitLabel="Register account" />
        </Card>
        <Card title="Platform settings">
          <PlatformForm
            values={{
              crossAccountVpcVia: settings.crossAccountVpcVia,
              organizationArn: settings.organization?.arn ?? "",
              organizationAccountIds: settings.organization?.accountIds.join(", ") ?? "",
              ramSharingEnabled: settings.organization?.ramSharingEnabled ?? false,
              hub: {
                accountId: hub?.accountId ?? "",
                region: hub?.region ?? "",
                transitGatewayId: hub?.transitGatewayId ?? "",
                sharedServices: hub?.routeTables.sharedServices ?? "",
                onPrem: hub?.routeTables.onPrem ?? "",
                dxAllowedPrefixes: hub?.dxAllowedPrefixes?.join(", ") ?? "",
              },
            }}
          />
        </Card>
      </div>
    </>
  );
}
