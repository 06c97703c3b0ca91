/**
 * What one search box is read as. Ids have shapes of their own, so "#12", "vpc-0abc…" and a 12-digit account
 * need no field picker; anything else is a piece of a cluster, team or requester name or e-mail.
 */
export type SearchTerm =
  | { kind: "number"; number: number }
  | { kind: "vpc"; vpcId: string }
  | { kind: "account"; accountId: string }
  | { kind: "text"; text: string };

export function classifySearchTerm(raw: string): SearchTerm {
  const text = raw.trim();
  const number = /^#?(\d{1,9})$/.exec(text);
  if (number?.[1]) return { kind: "number", number: Number(number[1]) };
  if (/^vpc-[0-9a-f]{8,17}$/i.test(text)) return { kind: "vpc", vpcId: text.toLowerCase() };
  if (/^\d{12}$/.test(text)) return { kind: "account", accountId: text };
  return { kind: "text", text };
}

export const SEARCH_KIND_LABELS: Record<SearchTerm["kind"], string> = {
  number: "request number",
  vpc: "client VPC",
  account: "AWS account (client or cluster)",
  text: "cluster, team or requester",
};
