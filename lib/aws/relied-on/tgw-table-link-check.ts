import type { EC2Client } from "@aws-sdk/client-ec2";

import type { TgwTableRelation } from "@/lib/domain/plan";

import type { AwsAccess } from "../aws-access";
import { callLog } from "../steps/support/call-log";
import { isNotFound } from "../steps/support/errors";
import { attachment } from "../steps/support/tgw";
import { propagates } from "../steps/support/tgw-propagation";
import type { Place, ReliedOnCheck } from "./relied-on-types";

type Link = { table: string; attachment: string };
type Seen = { associated: boolean; propagating: boolean };

/**
 * A TGW route table's link with an attachment, as the plan says it relies on it. A plan stored before it said
 * so relied on the pair being linked one way or the other. Only the TGW's owner reads its route tables.
 */
export async function checkTgwTableLink(
  access: AwsAccess,
  link: Link,
  relations: readonly TgwTableRelation[],
  hubs: readonly Place[],
): Promise<ReliedOnCheck> {
  const seen = await readLink(access, link, hubs);
  const checks = relations.length > 0 ? relations.map((r) => byRelation(r, link, seen)) : [eitherWay(link, seen)];
  const problems = checks.map((c) => c.problem).filter((p): p is string => p !== null);
  return { summary: checks.map((c) => c.summary).join("; "), problem: problems.length > 0 ? problems.join("; ") : null };
}

async function readLink(access: AwsAccess, link: Link, hubs: readonly Place[]): Promise<Seen | null> {
  for (const hub of hubs) {
    const ec2 = access.ec2(hub.account, hub.region);
    const propagating = await propagationIn(ec2, link);
    if (propagating === null) continue;
    // The association is the attachment's own (one at most), as the association step reads it. An attachment
    // on its way out keeps showing its association for a while; it carries no traffic, so it does not count.
    const a = await attachment(ec2, callLog(), link.attachment);
    const live = a?.State === "available" || a?.State === "modifying";
    const associated = live && a?.Association?.TransitGatewayRouteTableId === link.table && a.Association.State === "associated";
    return { associated, propagating };
  }
  return null;
}

/** Null where this account does not own the table. */
async function propagationIn(ec2: EC2Client, link: Link): Promise<boolean | null> {
  try {
    return await propagates(ec2, callLog(), link.table, link.attachment);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

function byRelation(relation: TgwTableRelation, { table, attachment: a }: Link, seen: Seen | null): ReliedOnCheck {
  const gone = `Transit gateway route table ${table} is gone`;
  switch (relation) {
    case "associated":
      return { summary: `association of ${a} with ${table} (relied on)`, problem: !seen ? gone : seen.associated ? null : `${a} is no longer associated with ${table}` };
    case "propagating":
      return { summary: `propagation of ${a} into ${table} (relied on)`, problem: !seen ? gone : seen.propagating ? null : `${a} no longer propagates into ${table}` };
    case "not-associated":
      return {
        summary: `${a} kept out of the default route table ${table} (relied on)`,
        problem: seen?.associated ? `${a} is associated with the default route table ${table} again` : null,
      };
    case "not-propagating":
      return {
        summary: `${a} kept from propagating into the default route table ${table} (relied on)`,
        problem: seen?.propagating ? `${a} propagates into the default route table ${table} again` : null,
      };
  }
}

function eitherWay({ table, attachment: a }: Link, seen: Seen | null): ReliedOnCheck {
  const linked = seen !== null && (seen.associated || seen.propagating);
  return {
    summary: `link of ${a} with ${table} (relied on)`,
    problem: !seen ? `Transit gateway route table ${table} is gone` : linked ? null : `${a} is neither associated with nor propagating into ${table}`,
  };
}
