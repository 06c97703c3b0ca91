import type { ReactNode } from "react";

import { formatTime } from "@/components/ui/format-time";
import { TOKEN_SCOPE_LABELS, type TokenScope } from "@/lib/domain/people/token-scope";

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  user?: { email: string };
};

function stateOf(t: TokenRow, now: Date): string {
  if (t.revokedAt) return `revoked ${formatTime(t.revokedAt)}`;
  if (t.expiresAt && t.expiresAt <= now) return `expired ${formatTime(t.expiresAt)}`;
  return t.expiresAt ? `active, expires ${formatTime(t.expiresAt)}` : "active, never expires";
}

// The /tokens page lists a person's own tokens; the people page lists everyone's with their owner.
export function TokenTable({ tokens, revoke }: { tokens: TokenRow[]; revoke: (tokenId: string) => ReactNode }) {
  const now = new Date();
  const showOwner = tokens.some((t) => t.user);
  return (
    <table className="min-w-full text-sm">
      <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
        <tr>
          {showOwner ? <th scope="col" className="py-2 pr-4">Owner</th> : null}
          <th scope="col" className="py-2 pr-4">Name</th>
          <th scope="col" className="py-2 pr-4">Starts with</th>
          <th scope="col" className="py-2 pr-4">May</th>
          <th scope="col" className="py-2 pr-4">Created</th>
          <th scope="col" className="py-2 pr-4">Last used</th>
          <th scope="col" className="py-2 pr-4">State</th>
          <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tokens.map((t) => {
          const live = !t.revokedAt && !(t.expiresAt && t.expiresAt <= now);
          return (
            <tr key={t.id} data-testid="token-row">
              {showOwner ? <td className="py-2 pr-4">{t.user?.email}</td> : null}
              <td className="py-2 pr-4 font-medium">{t.name}</td>
              <td className="py-2 pr-4 font-mono text-xs">{t.prefix}…</td>
              <td className="py-2 pr-4">{TOKEN_SCOPE_LABELS[t.scope]}</td>
              <td className="py-2 pr-4">{formatTime(t.createdAt)}</td>
              <td className="py-2 pr-4">{t.lastUsedAt ? formatTime(t.lastUsedAt) : "never"}</td>
              <td className="py-2 pr-4">{stateOf(t, now)}</td>
              <td className="py-2">{live ? revoke(t.id) : null}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
