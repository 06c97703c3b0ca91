import { awsError } from "../../core/aws-error";
import { paginate } from "../../core/pagination";
import { applyFilters } from "../../core/filters";
import { qFilters, qInt, qStr, qStrList, qTags, type QueryNode } from "../../protocols/query-input";
import type { XmlObject } from "../../protocols/xml";
import type { Tag } from "../../state/types";
import type { RequestContext } from "../../state/world";
import { mergeTags } from "./ec2-tag-input";
import { attachmentVisible, isMine, peeringVisible } from "./ec2-visibility";

type Taggable = { id: string; resourceType: string; holder: { tags: Tag[] } };

/** Every taggable resource the caller can see, with its EC2 resource type name. */
function taggables(ctx: RequestContext): Taggable[] {
  const s = ctx.world.state;
  const out: Taggable[] = [];
  const add = (id: string, resourceType: string, holder: { tags: Tag[] }) => out.push({ id, resourceType, holder });
  for (const v of Object.values(s.vpcs)) if (isMine(ctx, v)) add(v.id, "vpc", v);
  for (const v of Object.values(s.subnets)) if (isMine(ctx, v)) add(v.id, "subnet", v);
  for (const v of Object.values(s.routeTables)) if (isMine(ctx, v)) add(v.id, "route-table", v);
  for (const v of Object.values(s.securityGroups)) {
    if (!isMine(ctx, v)) continue;
    add(v.id, "security-group", v);
    for (const r of v.rules) add(r.id, "security-group-rule", r);
  }
  for (const v of Object.values(s.peerings)) if (peeringVisible(ctx, v)) add(v.id, "vpc-peering-connection", v);
  for (const v of Object.values(s.transitGateways)) if (isMine(ctx, v)) add(v.id, "transit-gateway", v);
  for (const v of Object.values(s.tgwRouteTables)) if (isMine(ctx, v)) add(v.id, "transit-gateway-route-table", v);
  for (const v of Object.values(s.tgwAttachments)) if (attachmentVisible(ctx, v)) add(v.id, "transit-gateway-attachment", v);
  for (const v of Object.values(s.networkInterfaces ?? {})) if (isMine(ctx, v)) add(v.id, "network-interface", v);
  for (const v of Object.values(s.insightsPaths ?? {})) if (isMine(ctx, v)) add(v.id, "network-insights-path", v);
  for (const v of Object.values(s.insightsAnalyses ?? {})) if (isMine(ctx, v)) add(v.id, "network-insights-analysis", v);
  return out;
}

function resolve(ctx: RequestContext, ids: string[]): Taggable[] {
  const all = new Map(taggables(ctx).map((t) => [t.id, t]));
  return ids.map((id) => {
    const t = all.get(id);
    if (!t) throw awsError("InvalidID", `The ID '${id}' is not valid`);
    return t;
  });
}

export function createTags(ctx: RequestContext, q: QueryNode): XmlObject {
  const targets = resolve(ctx, qStrList(q, "ResourceId", "Resources"));
  const tags = qTags(q, "Tag", "Tags");
  for (const t of targets) t.holder.tags = mergeTags(t.holder.tags, tags);
  return { return: true };
}

/** A tag with a value deletes only on a match; a key alone deletes whatever value it has. */
export function deleteTags(ctx: RequestContext, q: QueryNode): XmlObject {
  const targets = resolve(ctx, qStrList(q, "ResourceId", "Resources"));
  const tags = qTags(q, "Tag", "Tags");
  const hasValue = (i: number) => tagValueGiven(q, i);
  for (const t of targets) {
    t.holder.tags =
      tags.length === 0
        ? []
        : t.holder.tags.filter(
            (existing) => !tags.some((d, i) => d.key === existing.key && (!hasValue(i) || d.value === existing.value)),
          );
  }
  return { return: true };
}

function tagValueGiven(q: QueryNode, index: number): boolean {
  const list = q.children.get("Tag") ?? q.children.get("Tags");
  const entry = list?.children.get(String(index + 1));
  return entry?.children.get("Value")?.value !== undefined;
}

export function describeTags(ctx: RequestContext, q: QueryNode): XmlObject {
  type Row = { resourceId: string; resourceType: string; key: string; value: string; tags: Tag[] };
  const rows: Row[] = taggables(ctx).flatMap((t) =>
    t.holder.tags.map((tag) => ({ resourceId: t.id, resourceType: t.resourceType, key: tag.key, value: tag.value, tags: [tag] })),
  );
  const filtered = applyFilters(rows, qFilters(q), {
    "resource-id": (r) => [r.resourceId],
    "resource-type": (r) => [r.resourceType],
    key: (r) => [r.key],
    value: (r) => [r.value],
  }).sort((a, b) => a.resourceId.localeCompare(b.resourceId) || a.key.localeCompare(b.key));
  const { page, nextToken } = paginate(filtered, qInt(q, "MaxResults"), qStr(q, "NextToken"));
  return {
    tagSet: page.map((r) => ({ resourceId: r.resourceId, resourceType: r.resourceType, key: r.key, value: r.value })),
    nextToken,
  };
}
