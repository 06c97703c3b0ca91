import type { TgwTableReuse } from "@/lib/domain/plan";

/** An account and Region where the resource may live: the cluster's side or the client's. */
export type Place = { account: string; region: string };

export type ReliedOnCheck = { summary: string; problem: string | null };

/** Where a request's relied-on resources may be read, and what its plan says about the ids that are ambiguous. */
export type ReliedOnContext = {
  /** The cluster's side and the client's. */
  places: readonly Place[];
  /** The transit hubs: TGW route tables are read only by their owner. */
  hubs: readonly Place[];
  tgwTableReuses: readonly TgwTableReuse[];
  /** A share may reach a member account through the organization's ARN rather than the account's id. */
  organization: { arn: string; accountIds: readonly string[] } | null;
};
