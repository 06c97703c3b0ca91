import type { TgwTableRelation } from "@/lib/domain/plan";

/** An account and Region where the resource may live: the cluster's side or the client's. */
export type Place = { account: string; region: string };

export type ReliedOnCheck = { summary: string; problem: string | null };

/** Where one relied-on resource may be read, and, for a TGW route table's link, which link is relied on. */
export type ReliedOnContext = {
  /** Where its claim says it is; for a claim without a place, the cluster's side and the client's. */
  places: readonly Place[];
  /** The transit hubs (TGW route tables are read only by their owner), or the claim's place when it has one. */
  hubs: readonly Place[];
  /** The claim's relations (a TGW route table link); empty: linked either way. */
  tgwRelations: readonly TgwTableRelation[];
  /** A share may reach a member account through the organization's ARN rather than the account's id. */
  organization: { arn: string; accountIds: readonly string[] } | null;
};
