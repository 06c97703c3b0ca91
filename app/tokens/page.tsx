import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatTime } from "@/components/ui/format-time";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/guard";
import { listOwnTokens } from "@/lib/db/tokens/manage-tokens";

import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

export const metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await requirePageUser("token.manage-own");
  const tokens = await listOwnTokens(user.id);
  return (
    <>
      <PageHeader title="API tokens" description="Tokens let automation (CI pipelines) use the JSON API as you, with your role. The token is shown once; the portal keeps only a hash." />
      <div className="space-y-6">
        <Card title="New token">
          <CreateTokenForm />
        </Card>
        <Card title="Your tokens">
          {tokens.length === 0 ? (
            <EmptyState title="No tokens yet">Create one above, or on a server run <code>npm run token -- your@email</code>.</EmptyState>
          ) : (
            <table className="min-w-full text-sm">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-4">Name</th>
                  <th scope="col" className="py-2 pr-4">Starts with</th>
                  <th scope="col" className="py-2 pr-4">Created</th>
                  <th scope="col" className="py-2 pr-4">Last used</th>
                  <th scope="col" className="py-2 pr-4">State</th>
                  <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tokens.map((t) => (
                  <tr key={t.id} data-testid="token-row">
                    <td className="py-2 pr-4 font-medium">{t.name}</td>
                    <td className="py-2 pr-4 font-mono text-xs">{t.prefix}…</td>
                    <td className="py-2 pr-4">{formatTime(t.createdAt)}</td>
                    <td className="py-2 pr-4">{t.lastUsedAt ? formatTime(t.lastUsedAt) : "never"}</td>
                    <td className="py-2 pr-4">{t.revokedAt ? `revoked ${formatTime(t.revokedAt)}` : "active"}</td>
                    <td className="py-2">{t.revokedAt ? null : <RevokeTokenButton tokenId={t.id} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
    </>
  );
}
