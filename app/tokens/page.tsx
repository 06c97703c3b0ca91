import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TokenTable } from "@/components/tokens/token-table";
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
            <EmptyState title="No tokens yet">Create one above, or on a server run <code>npm run token -- your@email [name] --scope read --days 30</code>.</EmptyState>
          ) : (
            <TokenTable tokens={tokens} revoke={(id) => <RevokeTokenButton tokenId={id} />} />
          )}
        </Card>
      </div>
    </>
  );
}
