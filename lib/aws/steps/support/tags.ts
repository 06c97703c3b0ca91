import type { StepContext } from "../step-executor";

export type Ec2Tag = { Key?: string | undefined; Value?: string | undefined };

/** The two tags that make a resource findable as this request's step after a crash. */
export function ourTags(ctx: StepContext): { Key: string; Value: string }[] {
  return [
    { Key: ctx.tagKeys.requestId, Value: ctx.requestId },
    { Key: ctx.tagKeys.stepKey, Value: ctx.step.key },
  ];
}

/** Extra tags the plan carries (platform extraTags) are kept; ours always win. */
function planTags(ctx: StepContext, resourceType: string): { Key: string; Value: string }[] {
  const specs = ctx.step.input.TagSpecifications;
  if (!Array.isArray(specs)) return [];
  const ours = new Set([ctx.tagKeys.requestId, ctx.tagKeys.stepKey]);
  return specs
    .filter((s): s is { ResourceType?: unknown; Tags?: unknown } => typeof s === "object" && s !== null)
    .filter((s) => s.ResourceType === resourceType && Array.isArray(s.Tags))
    .flatMap((s) => s.Tags as unknown[])
    .filter((t): t is { Key: string; Value: string } => {
      const tag = t as { Key?: unknown; Value?: unknown };
      return typeof tag.Key === "string" && typeof tag.Value === "string" && !ours.has(tag.Key);
    });
}

export function ec2TagSpecifications<R extends string>(ctx: StepContext, resourceType: R) {
  return [{ ResourceType: resourceType, Tags: [...planTags(ctx, resourceType), ...ourTags(ctx)] }];
}

export function ec2TagFilters(ctx: StepContext): { Name: string; Values: string[] }[] {
  return ourTags(ctx).map((t) => ({ Name: `tag:${t.Key}`, Values: [t.Value] }));
}

export function carriesOurTags(ctx: StepContext, tags: readonly Ec2Tag[] | undefined): boolean {
  return ourTags(ctx).every((want) => (tags ?? []).some((t) => t.Key === want.Key && t.Value === want.Value));
}

export function ramTags(ctx: StepContext): { key: string; value: string }[] {
  const extra = Array.isArray(ctx.step.input.tags)
    ? (ctx.step.input.tags as unknown[]).filter((t): t is { key: string; value: string } => {
        const tag = t as { key?: unknown; value?: unknown };
        return typeof tag.key === "string" && typeof tag.value === "string";
      })
    : [];
  const ours = ourTags(ctx).map((t) => ({ key: t.Key, value: t.Value }));
  return [...extra.filter((t) => !ours.some((o) => o.key === t.key)), ...ours];
}

export function ramCarriesOurTags(
  ctx: StepContext,
  tags: readonly { key?: string | undefined; value?: string | undefined }[] | undefined,
): boolean {
  return carriesOurTags(ctx, (tags ?? []).map((t) => ({ Key: t.key, Value: t.value })));
}

export function kafkaTags(ctx: StepContext): Record<string, string> {
  const extra = ctx.step.input.Tags;
  const base =
    typeof extra === "object" && extra !== null && !Array.isArray(extra)
      ? Object.fromEntries(Object.entries(extra).filter((e): e is [string, string] => typeof e[1] === "string"))
      : {};
  return { ...base, ...Object.fromEntries(ourTags(ctx).map((t) => [t.Key, t.Value])) };
}

export function kafkaCarriesOurTags(ctx: StepContext, tags: Record<string, string> | undefined): boolean {
  return ourTags(ctx).every((t) => tags?.[t.Key] === t.Value);
}
